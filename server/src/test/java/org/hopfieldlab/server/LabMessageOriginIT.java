package org.hopfieldlab.server;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.hopfieldlab.server.account.AccountService;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The lab's embedding messages ({@code hopfield-lab:load}, {@code hopfield-lab:exercise}) are taken only from the
 * page the lab is embedded in. A page of another origin can get a handle on our pages with {@code window.open} (and
 * on their frames through {@code frames[0]}); before, its messages swapped the spec in a signed-in user's lab (which
 * Save then stored) or in a lab opened on its own.
 */
@ServerTest
class LabMessageOriginIT extends ServerInBrowser {
    @Autowired
    AccountService accounts;

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    private String labSpec() {
        return (String) js("var t = document.getElementById('spec-text'); return t ? t.value : null;");
    }

    private void waitForLab() {
        b.waitFor(d -> d.findElement(By.tagName("body")).getAttribute("data-engine") != null
                && labSpec() != null && labSpec().contains("n=64") ? true : null);
    }

    @Test
    void onlyTheEmbeddingPageLoadsASpecIntoTheLab() throws Exception {
        String user = "origin-" + Long.toString(System.nanoTime(), 36);
        accounts.signUp(user, "correct horse battery");
        b.login(url(""), user, "correct horse battery");
        String other = "http://127.0.0.1:" + port; // another origin than http://localhost:PORT
        String evil = "v=1&model=classic&n=96&p=3";
        List<String> seen = new ArrayList<>();
        String attacker = null;
        try {
            // 1. the signed-in lab page, opened by a page of another origin, which posts into its lab frame
            driver.get(other + "/favicon.ico");
            attacker = driver.getWindowHandle();
            js("window.victim = window.open(arguments[0], 'victim');", url("/experiment?v=1&model=classic&n=64&p=3"));
            b.switchToOpenedWindow("victim");
            driver.switchTo().frame(b.el("#lab-iframe"));
            waitForLab();
            driver.switchTo().window(attacker);
            js("window.victim.frames[0].postMessage({type: 'hopfield-lab:load', spec: arguments[0]}, '*');", evil);
            // 2. the lab on its own, opened by that page
            js("window.solo = window.open(arguments[0], 'solo');", url("/lab/?v=1&model=classic&n=64&p=3"));
            b.switchToOpenedWindow("solo");
            waitForLab();
            driver.switchTo().window(attacker);
            js("window.solo.postMessage({type: 'hopfield-lab:load', spec: arguments[0]}, '*');", evil);
            Thread.sleep(2000); // time for the messages to arrive and a load to run
            driver.switchTo().window("victim");
            driver.switchTo().frame(b.el("#lab-iframe"));
            seen.add("embedded: " + labSpec());
            driver.switchTo().defaultContent();
            // the page around it still loads specs into its lab, as Open and Save as do
            js("document.getElementById('lab-iframe').contentWindow.postMessage({type: 'hopfield-lab:load', "
                    + "spec: 'v=1&model=classic&n=80&p=3'}, window.location.origin);");
            driver.switchTo().frame(b.el("#lab-iframe"));
            b.waitFor(d -> labSpec().contains("n=80") ? true : null);
            driver.switchTo().window("solo");
            seen.add("alone: " + labSpec());
        } finally {
            for (String h : driver.getWindowHandles()) {
                if (!h.equals(attacker) && driver.getWindowHandles().size() > 1) {
                    driver.switchTo().window(h);
                    driver.close();
                }
            }
            driver.switchTo().window(driver.getWindowHandles().iterator().next());
        }
        for (String s : seen) {
            assertFalse(s.contains("n=96"), "another origin's message was taken: " + s);
            assertTrue(s.contains("n=64"), s);
        }
    }
}
