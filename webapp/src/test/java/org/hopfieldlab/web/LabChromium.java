package org.hopfieldlab.web;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The lab bundle in real headless Debian Chromium (Selenium, chromedriver from /usr/bin, nothing downloaded), for the
 * browser tests. The static helpers drive any browser: start one, open a lab URL and wait until it runs, run a
 * script, await a promise, take a screenshot. An instance is a JUnit extension that serves the bundle on loopback and
 * opens one browser for all tests of a class, closing both after the last:
 * {@code @RegisterExtension static final LabChromium lab = new LabChromium(1280, 800).withDownloads();}
 */
final class LabChromium implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {
    static final Path LAB = Path.of(System.getProperty("lab.dir", "target/lab")).toAbsolutePath();
    static final Path SHOTS = Path.of(System.getProperty("screenshots.dir", "target/screenshots"));
    /**
     * The slowest speed (1 step per 1/60 s): the page auto-plays at the speed's pace, so tests that stop at a given
     * step with runTo must open it slow enough not to be past that step already.
     */
    static final String SLOW = "&speed=0";

    private final int width;
    private final int height;
    private boolean withDownloads;
    private boolean withConsoleLog;
    private Duration scriptTimeout;

    /** The bundle served on 127.0.0.1, while the class's tests run. */
    StaticServer server;
    ChromeDriver browser;
    /** The browser's download folder, with {@link #withDownloads()}. */
    Downloads downloads;

    /** One browser with a window (and emulated screen) of this size. */
    LabChromium(int width, int height) {
        this.width = width;
        this.height = height;
    }

    /** Exports land in {@link #downloads}, without a prompt; each test starts with it empty. */
    LabChromium withDownloads() {
        withDownloads = true;
        return this;
    }

    /** The page's console is kept, to read back with {@code browser.manage().logs().get("browser")}. */
    LabChromium withConsoleLog() {
        withConsoleLog = true;
        return this;
    }

    /** Instead of {@link #newBrowser}'s 180 s for a script (or a promise) the test runs in the page. */
    LabChromium withScriptTimeout(Duration timeout) {
        scriptTimeout = timeout;
        return this;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        assertTrue(Files.isRegularFile(LAB.resolve("index.html")), "no lab bundle at " + LAB);
        Files.createDirectories(SHOTS);
        server = new StaticServer(LAB);
        downloads = withDownloads ? new Downloads() : null;
        browser = newBrowser(width, height, o -> {
            if (withDownloads) {
                downloads.configure(o);
            }
            if (withConsoleLog) {
                o.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
            }
        });
        if (scriptTimeout != null) {
            browser.manage().timeouts().scriptTimeout(scriptTimeout);
        }
        if (withDownloads) {
            downloads.allow(browser);
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        if (withDownloads) {
            downloads.clear();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.close();
        }
    }

    /** The address of {@code path} (e.g. {@code "index.html?preset=energy"}) on the served bundle. */
    String url(String path) {
        return server.url(path);
    }

    /** Clicks an entry of the page's Export menu and returns the file Chromium saved (with {@link #withDownloads()}). */
    Path export(String kind, String suffix) {
        return downloads.export(browser, kind, suffix);
    }

    static ChromeDriver newBrowser(int width, int height) throws IOException {
        return newBrowser(width, height, o -> { });
    }

    /** Headless Debian Chromium (no browser download), a fresh profile, the given window size, extra options. */
    static ChromeDriver newBrowser(int width, int height, Consumer<ChromeOptions> extra) throws IOException {
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        ChromeOptions o = new ChromeOptions();
        o.setBinary("/usr/bin/chromium");
        Path profile = Files.createTempDirectory("lab-chromium-");
        o.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--hide-scrollbars", "--user-data-dir=" + profile, "--window-size=" + width + "," + height,
                "--allow-file-access-from-files");
        extra.accept(o);
        ChromeDriver d = new ChromeDriver(service, o);
        d.manage().timeouts().scriptTimeout(Duration.ofSeconds(180));
        d.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height,
                "deviceScaleFactor", 1, "mobile", width < 600));
        return d;
    }

    /** Opens a lab URL and waits (up to 60 s) until the page has loaded and its lab has a frame to show. */
    static void open(WebDriver d, String url) {
        d.get(url);
        new WebDriverWait(d, Duration.ofSeconds(60)).until(x -> {
            Object s = ((JavascriptExecutor) x).executeScript("return document.body.getAttribute('data-state')");
            return s != null && !"loading".equals(s) && ((JavascriptExecutor) x)
                    .executeScript("return window.hopfieldLab && hopfieldLab.frame()") != null;
        });
    }

    /** For a wait's condition that must reload the page between its tries: reloads, and is never met itself. */
    static boolean reload(WebDriver d) {
        d.navigate().refresh();
        return false;
    }

    static Object js(WebDriver d, String script, Object... args) {
        return ((JavascriptExecutor) d).executeScript(script, args);
    }

    /** Runs a promise-returning expression in the page and returns its JSON-encoded result. */
    static String async(WebDriver d, String promiseExpr) {
        return (String) ((JavascriptExecutor) d).executeAsyncScript(
                "var done = arguments[arguments.length - 1];"
                        + "Promise.resolve().then(function () { return " + promiseExpr + "; })"
                        + ".then(function (r) { done(JSON.stringify(r)); }, function (e) { done(JSON.stringify({error: String(e)})); });");
    }

    /** Saves what the browser shows as {@code SHOTS/name.png}. */
    static void shot(WebDriver d, String name) throws IOException {
        byte[] png = ((TakesScreenshot) d).getScreenshotAs(OutputType.BYTES);
        Files.write(SHOTS.resolve(name + ".png"), png);
    }

    /** One field of a flat JSON object, as text (a string without its quotes). */
    static String field(String json, String key) {
        int k = json.indexOf("\"" + key + "\":");
        assertTrue(k >= 0, key + " missing in " + json);
        int from = k + key.length() + 3;
        if (json.charAt(from) == '"') {
            return json.substring(from + 1, json.indexOf('"', from + 1));
        }
        int to = from;
        while (to < json.length() && ",}]".indexOf(json.charAt(to)) < 0) {
            to++;
        }
        return json.substring(from, to);
    }
}
