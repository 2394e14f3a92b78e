package org.hopfieldlab.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The user's path through the real server in headless Debian Chromium: sign up, save a session from a lab link,
 * reopen it, share it, open the link signed out, run a small sweep to 100 %, download its CSV. Screenshots go to
 * /tmp/server-shots (override with -Dshots.dir).
 */
@ServerTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ServerE2EIT extends ServerInBrowser {
    static final String USER = "e2e-" + Long.toString(System.nanoTime(), 36);
    static final String PASSWORD = "a long password";
    static final String TITLE = "Classic at N 256";
    static String shareLink;

    void login() {
        b.login(url(""), USER, PASSWORD);
    }

    @Test
    @Order(1)
    void signUpAndSignIn() throws IOException, InterruptedException {
        driver.get(url("/signup"));
        b.type("#signup-username", USER);
        b.type("#signup-password", "short");
        b.type("#signup-confirm", "short");
        b.el("#signup-submit").click();
        b.waitFor(d -> b.el("#signup-password").getAttribute("invalid") != null);
        b.shot("01-signup-error");
        b.type("#signup-password", PASSWORD);
        b.type("#signup-confirm", PASSWORD);
        b.el("#signup-submit").click();
        assertTrue(b.el("#login-notice").getText().contains("Account created"));
        // the sign-in form is a card with a border, as the sign-up page's (it was a borderless white box)
        assertEquals("1px", b.js("return getComputedStyle(document.querySelector('vaadin-login-form').shadowRoot"
                + ".querySelector('[part~=\"form\"]')).borderTopWidth"));
        b.shot("02-login");
        login();
        assertEquals(USER, b.el("#current-user").getText());
        // no empty table under the message
        assertEquals("No sessions yet. Open the lab, set up an experiment and press Save.",
                b.el("#sessions-empty").getText());
        assertFalse(shown("#sessions-grid"), "an empty sessions table is shown");
        b.shot("03-sessions-empty");
        b.shotAtWidth("03-sessions-empty-1280", 1280, "#sessions-empty");
        b.shotAtWidth("03-sessions-empty-390", 390, "#sessions-empty");
    }

    /** Whether the sweep form's Run button is on (a Vaadin button has the disabled attribute while it is off). */
    private boolean runEnabled() {
        return b.el("#sweep-run").getAttribute("disabled") == null;
    }

    /** Whether the page shows an element of this selector now (present and displayed), without waiting. */
    private boolean shown(String css) {
        return driver.findElements(By.cssSelector(css)).stream().anyMatch(WebElement::isDisplayed);
    }

    /** Whether the sessions table is shown and lists this title (the table is hidden while it would be empty). */
    private boolean listed(String title) {
        return driver.findElements(By.cssSelector("#sessions-grid")).stream()
                .anyMatch(g -> g.isDisplayed() && g.getText().contains(title));
    }

    @Test
    @Order(2)
    void saveASessionFromALabLink() throws IOException, InterruptedException {
        driver.get(url("/experiment?v=1&model=classic&n=256&p=3&noise=2"));
        b.waitFor(d -> b.value("#spec").contains("model=classic&n=256&p=3"));
        // the lab's side of the contract, played from inside the iframe: its state message updates the spec
        WebElement frame = b.el("#lab-iframe");
        Thread.sleep(1500); // let the real lab post its own initial state first
        driver.switchTo().frame(frame);
        ((JavascriptExecutor) driver).executeScript("window.__hl = []; window.addEventListener('message', "
                + "e => window.__hl.push(e.data)); window.parent.postMessage({type: 'hopfield-lab:state', "
                + "spec: 'v=1&model=classic&n=256&p=3&noise=3'}, '*');");
        driver.switchTo().defaultContent();
        b.waitFor(d -> b.value("#spec").contains("noise=3&"));
        // and the server's side: Load posts hopfield-lab:load to the iframe
        b.type("#spec", "v=1&model=classic&n=256&p=3&noise=2");
        b.el("#spec-apply").click();
        driver.switchTo().frame(frame);
        Object got = b.waitFor(d -> ((JavascriptExecutor) d).executeScript("return (window.__hl || []).find(m => m "
                + "&& m.type === 'hopfield-lab:load') || null"));
        driver.switchTo().defaultContent();
        assertTrue(got.toString().contains("model=classic&n=256&p=3&mem=random"), got.toString());
        b.type("#lab-title", TITLE);
        b.el("#save").click();
        b.waitFor(d -> b.el("#lab-status").getText().startsWith("Session #"));
        assertTrue(driver.getCurrentUrl().contains("session="), driver.getCurrentUrl());
        b.shot("04-lab-saved");
        // "Sweep…" carries the current experiment to the sweep form
        b.el("#sweep-this").click();
        b.waitFor(d -> b.value("#sweep-base").contains("model=classic&n=256&p=3"));
        // the first built-in sweep's first axis (noise, 8 values) on this experiment
        b.waitFor(d -> b.el("#sweep-estimate").getText().contains("8 cells × 10 trials = 80 runs"));
    }

    @Test
    @Order(3)
    void reopenFromTheList() throws IOException, InterruptedException {
        driver.get(url("/"));
        b.waitFor(d -> b.el("#sessions-grid").getText().contains(TITLE));
        b.shot("05-sessions");
        // one session, so the table is as tall as its header and that row (it filled the page below them, an empty
        // bordered box of ≈ 500 px at 1280 × 900): at most three rows' height past the open button's row
        String heights = (String) b.js("const g = document.querySelector('#sessions-grid').getBoundingClientRect(),"
                + " o = document.querySelector('#sessions-grid .open-session').getBoundingClientRect();"
                + " return Math.round(g.bottom - o.bottom) + ' below the row, grid ' + Math.round(g.height)");
        assertTrue((Boolean) b.js("const g = document.querySelector('#sessions-grid').getBoundingClientRect(),"
                + " o = document.querySelector('#sessions-grid .open-session').getBoundingClientRect();"
                + " return g.bottom - o.bottom < 3 * 48"), "an empty box under the one session: " + heights);
        // on a phone a session's actions stay in view at the grid's right edge (they were past the screen's edge,
        // behind the title and experiment columns), and the page itself does not scroll sideways
        try {
            driver.manage().window().setSize(Browser.PHONE);
            b.waitFor(d -> (Boolean) b.js("return document.documentElement.clientWidth <= 390") ? true : null);
            Thread.sleep(500);
            b.shot("05-sessions-390");
            String where = (String) b.js("const g = document.querySelector('#sessions-grid').getBoundingClientRect(),"
                    + " o = document.querySelector('#sessions-grid .open-session').getBoundingClientRect();"
                    + " return Math.round(o.left) + '-' + Math.round(o.right) + ' in ' + Math.round(g.left) + '-'"
                    + " + Math.round(g.right) + ' of ' + document.documentElement.clientWidth");
            assertTrue((Boolean) b.js("const g = document.querySelector('#sessions-grid').getBoundingClientRect(),"
                    + " o = document.querySelector('#sessions-grid .open-session').getBoundingClientRect();"
                    + " return o.width > 0 && o.left >= g.left && o.right <= g.right"
                    + " && o.right <= document.documentElement.clientWidth"), "Open is out of view: " + where);
            assertTrue((Boolean) b.js("return document.documentElement.scrollWidth <= window.innerWidth"));
        } finally {
            driver.manage().window().setSize(Browser.WINDOW);
            driver.navigate().refresh();
        }
        b.el("#sessions-grid .open-session").click();
        b.waitFor(d -> TITLE.equals(b.value("#lab-title")));
        assertTrue(b.value("#spec").startsWith("v=1&model=classic&n=256&p=3&"), b.value("#spec"));
        assertTrue(b.value("#spec").contains("noise=2&"), b.value("#spec"));
    }

    @Test
    @Order(4)
    void shareAndOpenTheLinkSignedOut() throws IOException {
        b.el("#share").click();
        shareLink = shareLinkShown();
        b.shot("06-share-dialog");
        driver.get(url("/"));
        b.el("#logout").click();
        b.waitFor(d -> d.getCurrentUrl().contains("/login"));
        driver.get(shareLink);
        assertEquals(TITLE, b.el("#shared-title").getText());
        assertTrue(b.value("#shared-spec").contains("model=classic&n=256&p=3"));
        assertTrue(b.el("#fork").getText().contains("Sign in"));
        // the brand in the bar as the signed-in pages write it ("Hopfield" in the accent colour), not plain text
        assertEquals(2L, b.js("return document.querySelectorAll('.shared-bar .brand span').length"));
        b.shot("07-shared-signed-out");
        driver.get(url("/shared/not-a-real-token-0123456789abcdef"));
        b.el("#share-invalid");
    }

    @Test
    @Order(5)
    void badLinkAndOversizedSweepGetClearMessages() throws IOException, InterruptedException {
        login();
        driver.get(url("/experiment?v=1&model=idp&n=-5"));
        WebElement spec = b.el("#spec");
        b.waitFor(d -> spec.getAttribute("invalid") != null);
        assertTrue(spec.getText().contains("n = -5 is out of range"), spec.getText());
        b.shot("08-bad-link");
        // a mistyped address, signed in: "Page not found" with the way back (it was a 403 "request was refused"
        // page), and the same for a missing file of the lab (it was Vaadin's raw "Could not navigate to" text)
        for (String typo : new String[] {"/sessionz", "/lab/no-such-file.js", "/class/not-a-number"}) {
            driver.get(url(typo));
            assertEquals("Page not found", b.el("#not-found").getText(), typo);
            assertTrue(!driver.getPageSource().contains("Could not navigate"), typo);
        }
        b.shot("08b-page-not-found");
        // a sweep that is not there (or not yours) says so and leads back (it was a lone heading)
        driver.get(url("/sweeps/987654321"));
        assertEquals("Sweep not found", b.el("#sweep-missing").getText());
        b.el("#sweep-missing-back").click();
        b.waitFor(d -> d.getCurrentUrl().endsWith("/sweeps"));
        driver.get(url("/sweeps"));
        b.waitFor(d -> runEnabled());
        assertFalse(shown("#sweep-run-why"));
        // the note on the per-user caps is a quiet note like the estimate, not body text
        assertEquals(b.js("return getComputedStyle(document.getElementById('sweep-estimate')).fontSize"),
                b.js("return getComputedStyle(document.getElementById('sweep-caps')).fontSize"));
        b.type("#sweep-trials", "5000");
        b.waitFor(d -> b.el("#sweep-estimate").getText().startsWith("Refused"));
        assertTrue(b.el("#sweep-estimate").getText().contains("hopfield.sweep.max-runs"));
        // Run is off while the input is refused, with the reason beside it; on again once it is fixed
        b.waitFor(d -> !runEnabled());
        assertEquals("Fix \u201cTrials per cell\u201d above to run the sweep.", b.el("#sweep-run-why").getText());
        b.shot("09-sweep-refused");
        // a value given twice would run one cell twice: the core's message (as the CLI's) under the axis
        b.type("#sweep-x", "0,1,1");
        b.waitFor(d -> b.el("#sweep-x").getText().contains("axis noise has the value 1 twice"));
        assertTrue(b.el("#sweep-x").getAttribute("invalid") != null);
        b.shot("09b-sweep-repeated-value");
        b.type("#sweep-x", "2000");
        b.waitFor(d -> b.el("#sweep-run-why").getText().equals("Fix \u201cAxis 1: values\u201d above to run the sweep."));
        assertFalse(runEnabled());
        b.type("#sweep-x", "0,2");
        b.type("#sweep-trials", "5");
        b.waitFor(d -> runEnabled());
        b.waitFor(d -> !shown("#sweep-run-why"));
        b.type("#sweep-trials", "5000");
        b.waitFor(d -> !runEnabled());
        b.shotAtWidth("09-sweep-refused-1280", 1280, "#sweep-trials");
        b.shotAtWidth("09-sweep-refused-390", 390, "#sweep-trials");
    }

    @Test
    @Order(6)
    void runASmallSweepToTheEndAndDownloadItsCsv() throws IOException, InterruptedException {
        driver.get(url("/sweeps"));
        fillSweepForm("E2E noise sweep", "v=1&model=idp&n=128&p=6&t=9&in=0:d1,3:d2,6:d3&noise=8", "noise=0,2,4,8",
                "model=idp,classic", "6");
        b.waitFor(d -> b.el("#sweep-estimate").getText().contains("8 cells × 6 trials = 48 runs"));
        b.clickCentered("#sweep-run");
        b.el("#sweep-progress");
        b.shot("10-sweep-running");
        b.waitFor(d -> b.el("#sweep-progress-text").getText().contains("100 %") ? true : null);
        b.waitFor(d -> b.el("#sweep-status").getText().contains("completed"));
        assertTrue(b.el("#sweep-progress-text").getText().startsWith("8 / 8 cells"));
        b.waitFor(d -> "8".equals(b.el("hopfield-sweep-chart").getAttribute("data-cells")));
        b.shot("11-sweep-done");
        b.el("#export-csv").click();
        Path csv = b.waitFor(d -> {
            try (var files = Files.list(b.downloads)) {
                return files.filter(p -> p.toString().endsWith(".csv")).findFirst().orElse(null);
            } catch (IOException e) {
                return null;
            }
        });
        List<String> lines = Files.readAllLines(csv);
        assertEquals("cell,noise,model,trials,windows,retrieved,fraction,ci_low,ci_high,diverged", lines.get(0));
        assertEquals(9, lines.size());
        // the page's table of cells: the same numbers as the CSV, row by row (the page had only the chart)
        @SuppressWarnings("unchecked")
        List<String> rows = (List<String>) b.js("const cells = [...document.querySelectorAll('#sweep-cells "
                + "vaadin-grid-cell-content')].filter(c => c.getBoundingClientRect().height > 0 && c.textContent.trim());"
                + " const rows = new Map();"
                + " for (const c of cells) { const r = c.getBoundingClientRect(), k = Math.round(r.top);"
                + "   if (!rows.has(k)) rows.set(k, []); rows.get(k).push([r.left, c.textContent.trim()]); }"
                + " return [...rows.keys()].sort((a, b) => a - b).map(k => rows.get(k).sort((a, b) => a[0] - b[0])"
                + "   .map(x => x[1]).join('|'));");
        assertEquals(9, rows.size(), rows.toString()); // the header and 8 cells
        for (int i = 1; i < lines.size(); i++) {
            String[] c = lines.get(i).split(",");
            String[] shownRow = rows.get(i).split("\\|");
            assertEquals(List.of(c[1], c[2], c[5] + " of " + c[4], c[3], c[9]),
                    List.of(shownRow[0], shownRow[1], shownRow[2], shownRow[5], shownRow[6]), rows.get(i));
        }
        // the command line shown under the sweep runs it: the CLI, given the words a shell makes of it, writes the
        // CSV the page downloaded, byte for byte
        b.clickCentered("#sweep-cli-details");
        b.waitFor(d -> b.el("#sweep-cli").isDisplayed());
        b.js("document.getElementById('sweep-cli-details').scrollIntoView({block: 'start'})");
        b.shot("11-sweep-command-line");
        String command = b.el("#sweep-cli").getText().trim();
        assertTrue(command.startsWith("java -jar hopfield-cli.jar sweep "), command);
        Process sh = new ProcessBuilder("/bin/sh", "-c", "for a in "
                + command.substring("java -jar hopfield-cli.jar ".length()) + "; do printf '%s\\0' \"$a\"; done")
                .redirectErrorStream(true).start();
        String words = new String(sh.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(0, sh.waitFor(), words);
        List<String> args = new java.util.ArrayList<>(List.of(words.split("\0")));
        Path again = Files.createTempFile("sweep-from-cli", ".csv");
        args.addAll(List.of("--threads", "1", "--no-progress", "--out", again.toString()));
        assertEquals(0, org.hopfieldlab.cli.HopfieldCli.execute(args.toArray(String[]::new)), String.join(" ", args));
        assertEquals(Files.readString(csv), Files.readString(again), "the CLI ran another sweep: " + command);
        Files.delete(again);
        // the list of sweeps: after the form on a wide screen, first on a phone (above the long form)
        driver.get(url("/sweeps"));
        b.waitFor(d -> b.el("#sweeps-grid").getText().contains("E2E noise sweep"));
        String listAboveForm = "var l = document.getElementById('sweeps-list'), f = "
                + "document.getElementById('sweep-new'); return !!l && !!f && l.getBoundingClientRect().top"
                + " < f.getBoundingClientRect().top";
        assertFalse((Boolean) b.js(listAboveForm));
        b.shotAtWidth("11-sweeps-list-1280", 1280, "#sweeps-list");
        try {
            driver.manage().window().setSize(Browser.PHONE);
            b.waitFor(d -> (Boolean) b.js(listAboveForm));
            b.js("document.getElementById('sweeps-list').scrollIntoView({block: 'start'})");
            b.shot("11-sweeps-list-390");
            // the form's fields get the phone's width: less padding around the page and the card (a field lost 49 px
            // on each side, 33 now) and the page does not scroll sideways
            Number beside = (Number) b.js("const c = document.getElementById('sweep-new'),"
                    + " f = document.getElementById('sweep-title').getBoundingClientRect().width;"
                    + " return parseFloat(getComputedStyle(c.parentElement).paddingLeft)"
                    + " + (c.getBoundingClientRect().width - f) / 2");
            assertTrue(beside.doubleValue() <= 33, beside + " px of the width on each side of a field of the form");
            assertTrue((Boolean) b.js("return document.documentElement.scrollWidth <= window.innerWidth"));
        } finally {
            driver.manage().window().setSize(Browser.WINDOW);
            driver.navigate().refresh();
        }
    }

    @Test
    @Order(7)
    void searchDeleteWithUndoAndRevokeTheShareLink() throws IOException, InterruptedException {
        driver.get(url("/"));
        b.waitFor(d -> listed(TITLE));
        // a search that matches nothing: the message says so, and no empty table is shown under it
        b.type("#session-search", "no such title");
        b.waitFor(d -> b.el("#sessions-empty").getText().equals("No session matches \u201cno such title\u201d."));
        b.waitFor(d -> !shown("#sessions-grid"));
        b.type("#session-search", "classic");
        b.waitFor(d -> listed(TITLE));
        assertFalse(shown("#sessions-empty"));
        b.el("#sessions-grid .delete-session").click();
        b.waitFor(d -> !listed(TITLE));
        Thread.sleep(500); // the undo notification slides in
        b.shot("13-deleted-undo");
        b.el("vaadin-notification-card vaadin-button").click();
        b.waitFor(d -> listed(TITLE));
        // the restored copy has a new id: the old share link is dead, and a new share can be revoked from the UI
        driver.get(shareLink);
        b.el("#share-invalid");
        driver.get(url("/"));
        b.el("#sessions-grid .share-session").click();
        String link = shareLinkShown();
        b.el("#share-revoke").click();
        // the dialog closes once the server has revoked the link; leaving the page before that could cut the
        // click's round trip short (CI once opened the link before the revoke had reached the server)
        b.waitFor(d -> d.findElements(By.cssSelector("#share-revoke")).isEmpty());
        driver.get(link);
        b.el("#share-invalid");
        b.shot("14-revoked-link");
    }

    @Test
    @Order(8)
    void builtInThresholdSweepsShowTheTheoryLine() throws IOException {
        runPreset("Retrieval vs β at fixed input", "beta=", "2", "19");
        b.shot("12-threshold-line");
        runPreset("Retrieval vs β and α around β α' = 1", "beta=", "1", "154");
        b.shot("12-threshold-heatmap");
    }

    void runPreset(String title, String xPrefix, String trials, String cells) {
        driver.get(url("/sweeps"));
        b.el("#sweep-preset input").click();
        b.typeFilter("#sweep-preset", title);
        b.el("#sweep-preset input").sendKeys(Keys.ENTER);
        b.waitFor(d -> b.value("#sweep-title").equals(title));
        b.type("#sweep-trials", trials);
        b.waitFor(d -> b.el("#sweep-estimate").getText().contains(" × " + trials + " trials"));
        b.clickCentered("#sweep-run");
        b.el("#sweep-progress");
        // the sweep's page opens at its top (it kept the form's scroll position, below its title and status)
        assertTrue((Boolean) b.js("return document.querySelector('h2').getBoundingClientRect().top >= 0"),
                "the sweep's page opened scrolled below its title");
        b.waitFor(d -> b.el("#sweep-status").getText().contains("completed"));
        b.waitFor(d -> cells.equals(b.el("hopfield-sweep-chart").getAttribute("data-cells")));
        assertTrue(b.el("h2").getText().equals(title));
    }
}
