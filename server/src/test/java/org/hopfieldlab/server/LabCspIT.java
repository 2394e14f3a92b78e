package org.hopfieldlab.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.hopfieldlab.server.account.AccountService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Under the Content-Security-Policy, in headless Chromium: the lab at /lab/ runs its WebAssembly engine in a
 * worker, the signed-in Vaadin pages and the embedded lab work, and the console reports no CSP violation.
 */
@ServerTest
@ExtendWith(ServerLogErrors.class)
class LabCspIT {
    @Autowired
    AccountService accounts;
    @LocalServerPort
    int port;

    @Test
    void labAndVaadinPagesRunUnderTheCsp() throws Exception {
        String base = "http://localhost:" + port;
        String user = "csp-" + Long.toString(System.nanoTime(), 36);
        accounts.signUp(user, "correct horse battery");
        List<String> console = new ArrayList<>();
        try (Browser b = new Browser()) {
            b.driver.get(base + "/lab/?v=1&model=classic&n=64&p=3");
            b.waitFor(d -> d.findElement(By.tagName("body")).getAttribute("data-engine") != null);
            String engine = b.driver.findElement(By.tagName("body")).getAttribute("data-engine");
            String kind = b.driver.findElement(By.tagName("body")).getAttribute("data-engine-kind");
            b.shot("csp-lab");
            console.addAll(b.console());
            assertEquals("wasm", engine, "the lab's engine under the CSP; console: " + console);
            assertEquals("worker", kind);

            b.login(base, user, "correct horse battery");
            b.driver.get(base + "/experiment?v=1&model=classic&n=64&p=3");
            b.el("#lab-iframe");
            b.driver.switchTo().frame(b.el("#lab-iframe"));
            b.waitFor(d -> "wasm".equals(d.findElement(By.tagName("body")).getAttribute("data-engine")) ? true : null);
            b.driver.switchTo().defaultContent();
            b.driver.get(base + "/sweeps");
            b.el("#sweep-estimate");
            console.addAll(b.console());
        }
        List<String> violations = console.stream().filter(m -> m.contains("Content Security Policy")
                || m.contains("Refused to")).toList();
        assertTrue(violations.isEmpty(), "CSP violations: " + violations);
    }

    /**
     * The lab renders exercise text from anyone's links and shares the signed-in app's origin, so its policy allows
     * no inline script: markup that got past the sanitizer (here put into the page directly) runs nothing, while the
     * lab itself (its two inline scripts allowed by hash) runs, as the test above checks.
     */
    @Test
    void scriptInjectedIntoTheLabDoesNotRun() throws Exception {
        String base = "http://localhost:" + port;
        try (Browser b = new Browser()) {
            b.driver.get(base + "/lab/?v=1&model=classic&n=64&p=3");
            b.waitFor(d -> d.findElement(By.tagName("body")).getAttribute("data-engine") != null);
            ((org.openqa.selenium.JavascriptExecutor) b.driver).executeScript("""
                    const d = document.createElement('div');
                    d.innerHTML = '<img src="data:," onerror="document.body.setAttribute(\\'data-pwned\\', \\'img\\')">'
                        + '<a id="x" href="javascript:document.body.setAttribute(\\'data-pwned\\', \\'href\\')">x</a>';
                    document.body.appendChild(d);
                    const s = document.createElement('script');
                    s.textContent = "document.body.setAttribute('data-pwned', 'script')";
                    document.body.appendChild(s);
                    document.getElementById('x').click();
                    """);
            Thread.sleep(1000);
            assertEquals(null, b.driver.findElement(By.tagName("body")).getAttribute("data-pwned"),
                    "an injected script ran in the lab");
            String csp = (String) ((org.openqa.selenium.JavascriptExecutor) b.driver).executeAsyncScript(
                    "const done = arguments[0]; fetch(location.href).then(r => done(r.headers.get('content-security-policy')));");
            assertTrue(csp.indexOf("'unsafe-inline'") > csp.indexOf("style-src"), "inline styles only: " + csp);
        }
    }
}
