package org.hopfieldlab.server;

import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.WebDriver;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The set-up the end-to-end tests share: one headless Chromium ({@link Browser}) for all tests of a class, against the
 * server Spring started on its random port (the subclass says which server: {@link ServerTest} or its own
 * {@code @SpringBootTest}), plus the steps many scenarios begin with. One test instance per class, so the browser
 * and the injected port live as long as the class's tests. A class whose run makes the server log an error fails
 * ({@link ServerLogErrors}); a failed test prints what the server was doing ({@link FailureDiagnostics}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith({ServerLogErrors.class, FailureDiagnostics.class})
abstract class ServerInBrowser {
    @LocalServerPort
    int port;
    Browser b;
    WebDriver driver;

    @BeforeAll
    void openBrowser() throws IOException {
        b = new Browser();
        driver = b.driver;
    }

    @AfterAll
    void closeBrowser() {
        if (b != null) {
            b.close();
        }
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** The link the open share dialog shows, once the server has made it. */
    String shareLinkShown() {
        return b.waitFor(d -> {
            String v = b.value("#share-link");
            return v != null && v.contains("/shared/") ? v : null;
        });
    }

    /** Fills the sweep form of the page the browser is on; callers wait for the estimate they expect. */
    void fillSweepForm(String title, String base, String x, String y, String trials) {
        b.type("#sweep-title", title);
        b.type("#sweep-base", base);
        b.type("#sweep-x", x);
        b.type("#sweep-y", y);
        b.type("#sweep-trials", trials);
    }
}
