package org.hopfieldlab.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import org.hopfieldlab.server.account.AccountService;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A teacher's lab link through the server in headless Chromium: /experiment accepts the whole link (view keys
 * included; a repeated key or a bad view value is refused with the core's message), Save and Share keep hide/lock,
 * and the share opened in a fresh, signed-out browser shows the embedded lab with the control hidden and the other
 * locked. The shared page says what an edit does; "Sign in to fork" comes back to the share after signing in, with
 * the visitor's edit, and Fork keeps it. Screenshots (desktop and phone) go to /tmp/server-shots.
 */
@ServerTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ViewKeysE2EIT extends ServerInBrowser {
    static final String TAG = Long.toString(System.nanoTime(), 36);
    static final String TEACHER = "teacher-" + TAG;
    static final String STUDENT = "student-" + TAG;
    static final String PASSWORD = "a long password";
    static final String TITLE = "Noise lesson";
    static final String LINK = "v=1&model=classic&n=256&p=3&noise=2&hide=noise&lock=model";
    static String shareLink;

    @Autowired
    AccountService accounts;

    /**
     * The state of one lab control inside the embedded lab: "hidden", "locked" or "shown", waiting (up to 30 s) for
     * the expected one: the lab builds its controls first and applies the link's hide/lock right after.
     */
    static String control(Browser b, String key, String expected) {
        try {
            return b.waitFor(x -> expected.equals(control(b, key)) ? expected : null);
        } catch (org.openqa.selenium.TimeoutException e) {
            return control(b, key);
        }
    }

    static String control(Browser b, String key) {
        WebDriver d = b.driver;
        d.switchTo().frame(b.el("#lab-iframe"));
        try {
            return (String) b.waitFor(x -> ((JavascriptExecutor) x).executeScript(
                    "const el = document.querySelector('[data-key=\"' + arguments[0] + '\"]');"
                            + "if (!el) return null;"
                            + "if (el.classList.contains('teacher-hidden')) return getComputedStyle(el).display"
                            + " === 'none' ? 'hidden' : 'hidden but displayed';"
                            + "if (el.classList.contains('locked')) return 'locked';"
                            + "return 'shown';", key));
        } finally {
            d.switchTo().defaultContent();
        }
    }

    @Test
    @Order(1)
    void theTeachersLinkIsSavedAndSharedWithItsViewKeys() throws IOException {
        Browser teacher = b;
        accounts.signUp(TEACHER, PASSWORD);
        teacher.login(url(""), TEACHER, PASSWORD);
        WebDriver d = teacher.driver;
        // a repeated key and a bad view value are refused with the core's message
        d.get(url("/experiment?v=1&n=256&n=512"));
        WebElement spec = teacher.el("#spec");
        teacher.waitFor(x -> spec.getAttribute("invalid") != null);
        assertTrue(spec.getText().contains("key 'n' is given twice"), spec.getText());
        d.get(url("/experiment?v=1&model=idp&view=nonsense"));
        WebElement spec2 = teacher.el("#spec");
        teacher.waitFor(x -> spec2.getAttribute("invalid") != null);
        assertTrue(spec2.getText().contains("view = 'nonsense' is not one of"), spec2.getText());

        d.get(url("/experiment?" + LINK));
        teacher.waitFor(x -> teacher.value("#spec").endsWith("&hide=noise&lock=model"));
        assertTrue(teacher.value("#spec").startsWith("v=1&model=classic&n=256&p=3&"), teacher.value("#spec"));
        assertTrue(teacher.el("#lab-iframe").getAttribute("src").endsWith("&hide=noise&lock=model"));
        assertEquals("hidden", control(teacher, "noise", "hidden"));
        assertEquals("locked", control(teacher, "model", "locked"));
        assertEquals("shown", control(teacher, "beta", "shown"));
        teacher.type("#lab-title", TITLE);
        teacher.el("#save").click();
        teacher.waitFor(x -> teacher.el("#lab-status").getText().startsWith("Session #"));
        // reopened from the list: the link, view keys included
        d.get(url("/"));
        teacher.waitFor(x -> teacher.el("#sessions-grid").getText().contains(TITLE));
        teacher.el("#sessions-grid .open-session").click();
        teacher.waitFor(x -> TITLE.equals(teacher.value("#lab-title")));
        assertTrue(teacher.value("#spec").endsWith("&hide=noise&lock=model"), teacher.value("#spec"));
        assertEquals("hidden", control(teacher, "noise", "hidden"));
        teacher.el("#share").click();
        shareLink = shareLinkShown();
    }

    @Test
    @Order(3)
    void theSweepFormIsBuiltFromTheSchemaAndPutsEachErrorUnderItsAxis() throws Exception {
        Browser teacher = b;
        WebDriver d = teacher.driver;
        d.get(url("/sweeps"));
        // base from the saved session
        teacher.typeFilter("#sweep-base-from", "Session: " + TITLE);
        teacher.el("vaadin-combo-box-item").click();
        teacher.waitFor(x -> teacher.value("#sweep-base").startsWith("v=1&model=classic&n=256&p=3&") ? true : null);
        String keys = teacher.waitFor(x -> {
            String k = teacher.el("#sweep-x-key").getAttribute("data-keys");
            return k != null && k.contains("noise") ? k : null;
        });
        assertTrue(keys.contains("beta") && keys.contains("model") && !keys.contains("lambda")
                && !keys.contains("trials"), keys);
        teacher.type("#sweep-trials", "4");
        // a bad value on axis 1 is reported under axis 1, not axis 2
        teacher.type("#sweep-x", "noise=0,2000");
        teacher.type("#sweep-y", "model=idp,classic");
        WebElement x1 = teacher.el("#sweep-x");
        teacher.waitFor(x -> "true".equals(x1.getAttribute("invalid")) ? true : null);
        assertTrue(x1.getText().contains("noise = 2000 is out of range"), x1.getText());
        assertNotEquals("true", teacher.el("#sweep-y").getAttribute("invalid"));
        teacher.shot("vk-03-sweep-form-error-desktop");
        // a key that does not apply to the base (lambda needs the modern model) is refused under its own axis
        teacher.type("#sweep-x", "noise=0,2,4");
        teacher.type("#sweep-y", "lambda=1,2");
        WebElement y2 = teacher.el("#sweep-y");
        teacher.waitFor(x -> "true".equals(y2.getAttribute("invalid")) ? true : null);
        assertTrue(y2.getText().contains("'lambda'"), y2.getText());
        assertNotEquals("true", teacher.el("#sweep-x").getAttribute("invalid"));
        teacher.type("#sweep-y", "model=idp,classic");
        teacher.waitFor(x -> teacher.el("#sweep-estimate").getText().contains("6 cells × 4 trials = 24 runs")
                ? true : null);
        teacher.shot("vk-04-sweep-form-desktop");
        teacher.shotAtPhoneWidth("vk-05-sweep-form-phone", Duration.ofMillis(800));
    }

    @Test
    @Order(2)
    void theShareOpensInAFreshBrowserWithTheControlHiddenAndLockedAndSignInComesBack() throws Exception {
        accounts.signUp(STUDENT, PASSWORD);
        try (Browser fresh = new Browser()) {
            WebDriver d = fresh.driver;
            d.get(shareLink);
            assertEquals(TITLE, fresh.el("#shared-title").getText());
            assertTrue(fresh.value("#shared-spec").endsWith("&hide=noise&lock=model"), fresh.value("#shared-spec"));
            String note = fresh.el("#shared-note").getText();
            assertTrue(note.contains("Your edits are a local experiment"), note);
            assertTrue(note.contains("sign in and fork"), note);
            assertTrue(note.contains("Noise s hidden") && note.contains("Model locked"), note);
            assertEquals("hidden", control(fresh, "noise", "hidden"));
            assertEquals("locked", control(fresh, "model", "locked"));
            assertEquals("shown", control(fresh, "beta", "shown"));
            assertTrue(fresh.el("#fork").getText().contains("Sign in to fork"));
            fresh.shot("vk-01-shared-desktop");
            fresh.shotAtPhoneWidth("vk-02-shared-phone", Duration.ofMillis(800));

            // an edit in the embedded lab: the lab's own state message (played from inside the iframe)
            Thread.sleep(1500); // the real lab posts its initial state first
            d.switchTo().frame(fresh.el("#lab-iframe"));
            ((JavascriptExecutor) d).executeScript("window.parent.postMessage({type: 'hopfield-lab:state', "
                    + "spec: 'v=1&model=classic&n=256&p=3&noise=5'}, '*');");
            d.switchTo().defaultContent();
            fresh.el("#shared-edited");
            fresh.el("#fork").click();
            fresh.waitFor(x -> x.getCurrentUrl().contains("/login"));
            fresh.submitLogin(STUDENT, PASSWORD);
            // back on the share, signed in, with the edit carried along
            String token = shareLink.substring(shareLink.indexOf("/shared/") + "/shared/".length());
            fresh.waitFor(x -> x.getCurrentUrl().contains("/shared/" + token) ? true : null);
            assertTrue(fresh.el("#fork").getText().contains("Fork into my sessions"));
            assertTrue(fresh.el("#shared-note").getText().contains("To keep them, fork"));
            fresh.el("#shared-edited");
            assertTrue(fresh.el("#lab-iframe").getAttribute("src").contains("noise=5"),
                    fresh.el("#lab-iframe").getAttribute("src"));
            fresh.el("#fork").click();
            fresh.waitFor(x -> x.getCurrentUrl().contains("/experiment?session=") ? true : null);
            fresh.waitFor(x -> fresh.value("#spec").endsWith("&hide=noise&lock=model"));
            assertTrue(fresh.value("#spec").contains("&noise=5&"), fresh.value("#spec"));
            assertEquals(TITLE, fresh.value("#lab-title"));
            assertEquals("hidden", control(fresh, "noise", "hidden"));
        }
    }
}
