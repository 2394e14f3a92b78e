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
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
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
                "--window-size=1440,1000", "--user-data-dir=" + Files.createTempDirectory("e2e-chromium"));
        Map<String, Object> prefs = new HashMap<>();
        prefs.put("download.default_directory", downloads.toString());
        prefs.put("download.prompt_for_download", false);
        options.setExperimentalOption("prefs", prefs);
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL")); // console, CSP reports included
        driver = new ChromeDriver(service, options);
    }

    <T> T waitFor(Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, Duration.ofSeconds(30)).until(condition);
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

    void shot(String name) throws IOException {
        Files.copy(((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath(), shots.resolve(name + ".png"),
                StandardCopyOption.REPLACE_EXISTING);
    }

    void login(String base, String user, String password) {
        driver.get(base + "/login");
        type("#vaadinLoginUsername", user);
        type("#vaadinLoginPassword", password);
        el("vaadin-button[slot='submit']").click();
        el("#current-user");
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
