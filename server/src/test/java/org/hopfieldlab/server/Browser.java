package org.hopfieldlab.server;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium through Selenium with the system chromedriver (nothing is downloaded), plus the few
 * helpers the end-to-end tests need for Vaadin fields (their {@code <input>} is in the light DOM).
 */
final class Browser implements AutoCloseable {
    /** The window it starts with (--window-size below), which the phone-width screenshots come back to. */
    static final Dimension WINDOW = new Dimension(1440, 1000);
    static final Dimension PHONE = new Dimension(390, 844);

    final WebDriver driver;
    final Path downloads;
    final Path shots = Path.of(System.getProperty("shots.dir", "/tmp/server-shots"));

    Browser() throws IOException {
        downloads = Files.createTempDirectory("e2e-downloads");
        Files.createDirectories(shots);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=" + WINDOW.width + "," + WINDOW.height, "--user-data-dir=" + Files.createTempDirectory("e2e-chromium"));
        Map<String, Object> prefs = new HashMap<>();
        prefs.put("download.default_directory", downloads.toString());
        prefs.put("download.prompt_for_download", false);
        options.setExperimentalOption("prefs", prefs);
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL")); // console, CSP reports included
        driver = new ChromeDriver(service, options);
    }

    <T> T waitFor(Function<WebDriver, T> condition) {
        return waitFor(Duration.ofSeconds(30), condition);
    }

    /**
     * chromedriver's errors for a command that raced a document being replaced (a navigation, a window's first load):
     * "aborted by navigation" and "no such execution context". Retried by the waits, never taken as a result.
     */
    static boolean replacingDocument(WebDriverException e) {
        String m = e.getMessage();
        return m != null && (m.contains("aborted by navigation") || m.contains("no such execution context"));
    }

    /**
     * For the few steps that take longer than the usual 30 s (a whole sweep on a loaded machine). A page or frame may
     * still be navigating while it is polled (a sign-in's redirect, a window just opened): chromedriver then aborts
     * the lookup ({@link #replacingDocument}), which is retried rather than taken as a failure. Missing elements
     * and windows are retried as WebDriverWait always does; any other error fails the wait at once.
     */
    <T> T waitFor(Duration timeout, Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, timeout).until(d -> {
            try {
                return condition.apply(d);
            } catch (WebDriverException e) {
                if (replacingDocument(e)) {
                    return null;
                }
                throw e;
            }
        });
    }

    WebElement el(String css) {
        return waitFor(d -> {
            List<WebElement> found = d.findElements(By.cssSelector(css));
            return found.isEmpty() || !found.get(0).isDisplayed() ? null : found.get(0);
        });
    }

    /**
     * Types into a Vaadin field and leaves it with Tab, so its value reaches the server at once (a LAZY field
     * otherwise waits for a pause in typing, which a loaded machine can stretch past the next step). The server may
     * rewrite the value (a sweep axis "noise=0,2" becomes key noise, values "0,2"), so callers wait for what they
     * expect to follow.
     */
    void type(String css, String text) {
        WebElement input = el(css + " input");
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        input.sendKeys(text, Keys.TAB);
    }

    /** Types a filter into a Vaadin combo box and stays in it, so its item list stays open to pick from. */
    void typeFilter(String css, String text) {
        WebElement input = el(css + " input");
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        input.sendKeys(text);
    }

    String value(String css) {
        return (String) js("return arguments[0].value", el(css));
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Scrolls the element to the middle of the window first, as a user would, so the click lands on it. */
    void clickCentered(String css) {
        js("arguments[0].scrollIntoView({block: 'center'})", el(css));
        el(css).click();
    }

    void shot(String name) throws IOException {
        Files.copy(((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath(), shots.resolve(name + ".png"),
                StandardCopyOption.REPLACE_EXISTING);
    }

    /**
     * A screenshot at this window width (the usual height) with {@code css} scrolled to the top of the window after
     * the layout followed, then back to the window it started with and the page read afresh (clicks on a page that
     * went to phone width and back were intercepted in ServerE2EIT), so take it where the page's state may be lost.
     */
    void shotAtWidth(String name, int width, String css) throws IOException, InterruptedException {
        driver.manage().window().setSize(new Dimension(width, width <= PHONE.width ? PHONE.height : WINDOW.height));
        Thread.sleep(400);
        js("arguments[0].scrollIntoView({block: 'start'})", el(css));
        Thread.sleep(200);
        shot(name);
        driver.manage().window().setSize(WINDOW);
        driver.navigate().refresh();
        waitFor(d -> "complete".equals(js("return document.readyState")) ? true : null);
    }

    /**
     * A screenshot at phone width (390 × 844) after {@code settle} (for the layout to follow), then back to the
     * window it started with.
     */
    void shotAtPhoneWidth(String name, Duration settle) throws IOException, InterruptedException {
        driver.manage().window().setSize(PHONE);
        Thread.sleep(settle.toMillis());
        shot(name);
        driver.manage().window().setSize(WINDOW);
    }

    /**
     * The browser forgets its cookies, as another browser (or a wiped one) would have none: it leaves the app's page
     * first for a static file of the same origin (which opens no session, and where cookies can still be added).
     * Cookies deleted under an open Vaadin page would let that page, as it unloads, send its push connection's
     * "close" with the next page's new session cookie: Flow then handles the old session's disconnect inside the new
     * session's request, leaves the old session as the thread's current one, and under {@code -ea} its
     * {@code VaadinService.requestEnd} fails with an AssertionError (logged by Tomcat; no user-visible effect).
     */
    void clearCookies(String base) {
        driver.get(base + "/favicon.ico");
        driver.manage().deleteAllCookies();
    }

    void login(String base, String user, String password) {
        driver.get(base + "/login");
        submitLogin(user, password);
        el("#current-user");
    }

    /** Fills and sends the sign-in form the browser is on. */
    void submitLogin(String user, String password) {
        type("#vaadinLoginUsername", user);
        type("#vaadinLoginPassword", password);
        el("vaadin-button[slot='submit']").click();
    }

    /**
     * Switches to a window a page has just opened with {@code window.open} and waits for its page to load. Until the
     * window's first navigation (about:blank to the URL) has replaced its document, chromedriver may abort a switch
     * or a lookup ({@link #replacingDocument}: "aborted by navigation", "no such execution context"), so both are
     * retried (by {@link #waitFor}) until the page is complete.
     */
    void switchToOpenedWindow(String name) {
        waitFor(d -> {
            d.switchTo().window(name);
            Object loaded = ((JavascriptExecutor) d).executeScript(
                    "return location.href !== 'about:blank' && document.readyState === 'complete';");
            return Boolean.TRUE.equals(loaded) ? true : null;
        });
    }

    /** The console messages since the last call (Chromium reports CSP violations there). */
    List<String> console() {
        return driver.manage().logs().get("browser").getAll().stream().map(e -> e.getLevel() + " " + e.getMessage())
                .toList();
    }

    @Override
    public void close() {
        driver.quit();
    }
}
