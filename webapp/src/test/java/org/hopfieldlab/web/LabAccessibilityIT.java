package org.hopfieldlab.web;

import static org.hopfieldlab.web.LabChromium.SLOW;
import static org.hopfieldlab.web.LabChromium.async;
import static org.hopfieldlab.web.LabChromium.js;
import static org.hopfieldlab.web.LabChromium.open;
import static org.hopfieldlab.web.LabChromium.shot;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The lab checked by axe-core (the npm package's axe.min.js, injected by Selenium into the page; it is not part of the
 * bundle) in real headless Chromium: the default lab and the lab with every tab shown, an
 * exercise, a phone's screen (390 px), a teacher's link with hidden and locked keys, the drawing dialogs and the
 * course menu. A violation of any rule axe runs by default (WCAG 2.x A/AA and best practices), of any impact —
 * critical, serious, moderate or minor; no rule is left out — fails the test, with its rule, help and the elements it
 * found. Then what axe cannot see: text alternatives of the pictures and charts with the run's numbers, the run's
 * state in a live region, and a student's tasks done with the keyboard alone, with a focus ring at every stop: the
 * analysis tabs (the WAI-ARIA tabs pattern) and single pixels of a drawn picture among them.
 */
class LabAccessibilityIT {
    @RegisterExtension
    static final LabChromium lab = new LabChromium(1280, 800);

    /** axe.min.js, the npm package's build, as Deque ships it in its Java integration (at the root of the jar). */
    static final String AXE = axeSource();

    static String axeSource() {
        try (InputStream js = LabAccessibilityIT.class.getClassLoader().getResourceAsStream("axe.min.js")) {
            assertNotNull(js, "no axe.min.js on the test class path (com.deque.html.axe-core:selenium)");
            return new String(js.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The impacts that fail a test: all four axe knows. (Up to December 2026 only serious and critical failed; the
     * lab then had no moderate or minor violation in the states checked here, and the course menu opened had a
     * critical one, which no test opened it to see.)
     */
    static final String FAIL_ON = "['critical', 'serious', 'moderate', 'minor']";

    /**
     * Runs axe on the page as it is now and returns its violations of the impacts {@link #FAIL_ON}, one line per rule
     * with the elements it names (empty when there are none).
     */
    static String violations(WebDriver d) {
        if (!Boolean.TRUE.equals(js(d, "return !!window.axe"))) {
            js(d, AXE);
        }
        // a rule that fails to run checks nothing (axe 4.6 could not read color-mix() colours and left every contrast
        // check "incomplete" with an error): that is a failure too
        String report = async(d, "axe.run(document, {resultTypes: ['violations']}).then(function (r) {"
                + "  return r.incomplete.filter(function (v) { return v.error; }).map(function (v) { return 'error ' + v.id + ': the rule did not run: '"
                + "      + JSON.stringify(v.error).substring(0, 300); })"
                + "    .concat(r.violations.filter(function (v) { return " + FAIL_ON + ".indexOf(v.impact) >= 0; })"
                + "    .map(function (v) { return v.impact + ' ' + v.id + ': ' + v.help + '\\n' + v.nodes.map(function (n) {"
                + "      return '    ' + n.target.join(' ') + ' — ' + String(n.failureSummary).replace(/\\s+/g, ' '); }).join('\\n'); })"
                + "    ).join('\\n'); })");
        return report.substring(1, report.length() - 1).replace("\\n", "\n").replace("\\\"", "\"");
    }

    static void assertAccessible(WebDriver d, String what) {
        String v = violations(d);
        assertEquals("", v, what + ": accessibility violations:\n" + v + "\n");
    }

    /** Opens a link and stops the run at step 10 (paused). */
    static void openPaused(WebDriver d, String url) {
        open(d, url);
        async(d, "hopfieldLab.runTo(10)");
    }

    /** Opens the shipped idp-existence exercise (a hash link: the page is left first so the hash loads anew). */
    static void openExercise(WebDriver d) {
        d.get("about:blank");
        open(d, lab.url("index.html#exercise=idp-existence"));
        new WebDriverWait(d, Duration.ofSeconds(30))
                .until(x -> js(x, "return document.body.getAttribute('data-exercise-task')") != null);
    }

    @Test
    void theDefaultLabIsAccessible() throws IOException {
        openPaused(lab.browser, lab.url("index.html?preset=sequence" + SLOW));
        shot(lab.browser, "a11y-desktop");
        assertAccessible(lab.browser, "the default lab");
    }

    @Test
    void everyTabIsAccessible() {
        for (String view : new String[] {"landscape", "synapses", "compare"}) {
            openPaused(lab.browser, lab.url("index.html?preset=energy&view=" + view + SLOW));
            assertAccessible(lab.browser, "the lab with view=" + view);
        }
    }

    @Test
    void theDarkLabIsAccessible() throws IOException {
        // compare mode shows the second model's orange tags, the exercise its status colours
        LabBrowserIT.dark(lab.browser, true);
        try {
            openPaused(lab.browser, lab.url("index.html?preset=energy&view=compare" + SLOW));
            shot(lab.browser, "a11y-dark-compare");
            assertAccessible(lab.browser, "the lab in dark mode, compare view");
            openExercise(lab.browser);
            assertAccessible(lab.browser, "an exercise in dark mode");
        } finally {
            LabBrowserIT.dark(lab.browser, false);
        }
    }

    @Test
    void anExerciseIsAccessible() throws IOException {
        openExercise(lab.browser);
        shot(lab.browser, "a11y-exercise");
        assertAccessible(lab.browser, "an exercise");
    }

    @Test
    void aTeachersLinkIsAccessible() throws IOException {
        openPaused(lab.browser, lab.url("index.html?preset=glitch&hide=noise,beta&lock=model,in" + SLOW));
        shot(lab.browser, "a11y-teacher");
        assertAccessible(lab.browser, "a teacher's link (hide=noise,beta&lock=model,in)");
    }

    @Test
    void theDrawingDialogsAndTheCourseMenuAreAccessible() throws IOException {
        WebDriver d = lab.browser;
        open(d, lab.url("index.html?" + LabFeaturesIT.GLYPHS + SLOW));
        d.findElement(By.id("open-draw")).click();
        new WebDriverWait(d, Duration.ofSeconds(10)).until(x -> x.findElement(By.id("draw-canvas")).isDisplayed());
        assertAccessible(d, "the dialog to draw memories");
        js(d, "document.getElementById('draw-dialog').close()");
        d.findElement(By.id("open-cue")).click();
        new WebDriverWait(d, Duration.ofSeconds(10)).until(x -> x.findElement(By.id("draw-canvas")).isDisplayed());
        assertAccessible(d, "the dialog to draw a cue");
        js(d, "document.getElementById('draw-dialog').close()");
        openExercise(d);
        d.findElement(By.cssSelector(".ex-course summary")).click();
        new WebDriverWait(d, Duration.ofSeconds(10)).until(x -> x.findElement(By.cssSelector(".ex-course-list")).isDisplayed());
        assertAccessible(d, "the course menu, open");
    }

    @Test
    void thePhoneLabIsAccessible() throws IOException {
        ChromeDriver phone = LabChromium.newBrowser(390, 844);
        try {
            openPaused(phone, lab.url("index.html?preset=sequence" + SLOW));
            shot(phone, "a11y-phone");
            assertAccessible(phone, "the lab on a 390 px phone");
            phone.get("about:blank");
            open(phone, lab.url("index.html#exercise=hopfield-basics"));
            new WebDriverWait(phone, Duration.ofSeconds(30))
                    .until(x -> js(x, "return document.body.getAttribute('data-exercise-task')") != null);
            shot(phone, "a11y-phone-exercise");
            assertAccessible(phone, "an exercise on a 390 px phone");
        } finally {
            phone.quit();
        }
    }

    // ---- beyond axe: what it does not see ----

    @Test
    void everyPictureAndChartHasATextAlternativeWithTheRunsNumbers() {
        openPaused(lab.browser, lab.url("index.html?preset=sequence&view=compare" + SLOW));
        // every canvas shown is a named image or hidden from screen readers as decoration (a chart's input band, a
        // thumbnail inside a named button); uPlot's chart boxes are named images too
        @SuppressWarnings("unchecked")
        java.util.List<String> bare = (java.util.List<String>) js(lab.browser,
                "var out = [];"
                + "document.querySelectorAll('canvas, .plot').forEach(function (c) {"
                + "  if (!c.getClientRects().length || c.closest('[aria-hidden=true]') || c.closest('.plot') && c.closest('.plot') !== c) return;"
                + "  var name = (c.getAttribute('aria-label') || '').trim();"
                + "  if (c.getAttribute('role') !== 'img' || !name) out.push((c.id || c.className || c.tagName) + ' [' + c.getAttribute('role') + '] ' + name); });"
                + "return out;");
        assertTrue(bare.isEmpty(), "pictures and charts without a text alternative: " + bare);
        // the names carry the frame's numbers: the overlap chart's ends with every memory's overlap now, as the
        // gallery shows it (both are the core's frame), and the network picture's says what the core's Recall says
        String overlaps = (String) js(lab.browser, "return document.getElementById('overlap-plot').getAttribute('aria-label')");
        @SuppressWarnings("unchecked")
        java.util.List<String> gallery = (java.util.List<String>) js(lab.browser,
                "return Array.prototype.map.call(document.querySelectorAll('#gallery .mem'), function (b) {"
                + " return b.querySelector('i').textContent + ' ' + b.querySelector('b').textContent; })");
        assertFalse(gallery.isEmpty());
        // the text names the first 12 memories (then "and N more"): a longer list is no use read aloud
        for (String m : gallery.subList(0, Math.min(12, gallery.size()))) {
            assertTrue(overlaps.contains(m), "'" + m + "' of the gallery is missing in the chart's text: " + overlaps);
        }
        String state = (String) js(lab.browser, "return document.getElementById('state-0').getAttribute('aria-label')");
        String recall = (String) js(lab.browser, "return document.getElementById('thinks-0').textContent");
        assertTrue(state.contains(recall.trim()), "the picture's text says what the sentence under it says: " + state + " / " + recall);
    }

    @Test
    void theRunsStateIsAnnouncedWhenItChanges() {
        openPaused(lab.browser, lab.url("index.html?preset=sequence" + SLOW));
        By live = By.cssSelector("[aria-live=polite][role=status]#run-status");
        assertFalse(lab.browser.findElements(live).isEmpty(), "a polite live region for the run's state");
        js(lab.browser, "document.getElementById('play').click()");
        new WebDriverWait(lab.browser, Duration.ofSeconds(10)).until(x -> "Running".equals(x.findElement(live).getAttribute("textContent")));
        js(lab.browser, "document.getElementById('play').click()");
        new WebDriverWait(lab.browser, Duration.ofSeconds(10)).until(x -> x.findElement(live).getAttribute("textContent").startsWith("Paused at t = ")
                && Boolean.FALSE.equals(js(x, "return document.body.classList.contains('playing')")));
        async(lab.browser, "hopfieldLab.settled()");
        // what is said is the time the clock shows once the run has stopped (also after a frame that comes late)
        new WebDriverWait(lab.browser, Duration.ofSeconds(5)).until(x -> x.findElement(live).getAttribute("textContent")
                .contains("t = " + x.findElement(By.id("time")).getText() + " "));
        String said = lab.browser.findElement(live).getAttribute("textContent");
        assertTrue(said.contains(lab.browser.findElement(By.id("thinks-0")).getText().trim()), said);
    }

    // ---- the keyboard alone ----

    /** Whether the focused element shows a focus ring of at least 2 px (a hidden checkbox shows it on its track). */
    static final String RING = "var e = document.activeElement; if (!e || e === document.body) return 'nothing';"
            + "function ring(x) { var c = getComputedStyle(x); return c.outlineStyle !== 'none' && c.outlineStyle !== 'auto' && parseFloat(c.outlineWidth) >= 2"
            + "  && c.outlineColor !== 'rgba(0, 0, 0, 0)'; }"
            + "var r = e.getBoundingClientRect();"
            + "return ring(e) || e.nextElementSibling && ring(e.nextElementSibling) ? 'ok'"
            + "  : (e.id || e.className || e.tagName) + ' ' + getComputedStyle(e).outlineStyle + ' ' + getComputedStyle(e).outlineWidth;";

    static void press(WebDriver d, CharSequence... keys) {
        new Actions(d).sendKeys(keys).perform();
    }

    /** Presses Tab until the focus is on an element matching css (at most max times); every stop shows a focus ring. */
    static void tabTo(WebDriver d, String css, int max) {
        for (int i = 0; i < max; i++) {
            press(d, Keys.TAB);
            assertEquals("ok", js(d, RING), "the focus ring at tab stop " + (i + 1));
            if (Boolean.TRUE.equals(js(d, "return document.activeElement.matches(arguments[0])", css))) {
                return;
            }
        }
        throw new AssertionError("no " + css + " within " + max + " tab stops; ended on "
                + js(d, "var e = document.activeElement; return e.outerHTML.substring(0, 200)"));
    }

    static String spec(WebDriver d) {
        return (String) js(d, "return hopfieldLab.spec()");
    }

    @Test
    void aStudentRunsAPresetChangesAParameterPlaysAndCopiesTheLinkWithTheKeyboard() throws IOException {
        WebDriver d = lab.browser;
        openPaused(d, lab.url("index.html?preset=sequence" + SLOW));
        js(d, "window.scrollTo(0, 0); document.activeElement.blur()");
        // a preset from the menu
        tabTo(d, "#preset", 10);
        String before = spec(d);
        press(d, Keys.ARROW_DOWN);
        new WebDriverWait(d, Duration.ofSeconds(20)).until(x -> !before.equals(spec(x)));
        async(d, "hopfieldLab.settled()");
        // play and pause from the keyboard
        js(d, "document.activeElement.blur(); window.scrollTo(0, 0)");
        tabTo(d, "#play", 20);
        // a new preset starts playing: Enter on the focused button toggles, Space toggles back
        boolean was = Boolean.TRUE.equals(js(d, "return document.body.classList.contains('playing')"));
        press(d, Keys.ENTER);
        new WebDriverWait(d, Duration.ofSeconds(10)).until(x -> !was == Boolean.TRUE.equals(js(x, "return document.body.classList.contains('playing')")));
        press(d, Keys.SPACE);
        new WebDriverWait(d, Duration.ofSeconds(10)).until(x -> was == Boolean.TRUE.equals(js(x, "return document.body.classList.contains('playing')")));
        if (was) {
            press(d, Keys.SPACE);   // paused, for the rest
            new WebDriverWait(d, Duration.ofSeconds(10)).until(x -> Boolean.FALSE.equals(js(x, "return document.body.classList.contains('playing')")));
        }
        shot(d, "a11y-keyboard-play");
        // a parameter: the β slider, one step up with the arrow key
        String b0 = spec(d);
        tabTo(d, "[data-key=beta] input[type=range]", 200);
        shot(d, "a11y-keyboard-beta");
        press(d, Keys.ARROW_RIGHT);
        new WebDriverWait(d, Duration.ofSeconds(20)).until(x -> !b0.equals(spec(x)));
        assertNotEquals(b0.replaceAll(".*[?&]beta=([^&]*).*", "$1"), spec(d).replaceAll(".*[?&]beta=([^&]*).*", "$1"), "β changed");
        // copy the link (back up the page with Shift+Tab)
        for (int i = 0; i < 300 && !Boolean.TRUE.equals(js(d, "return document.activeElement.id === 'copy-link'")); i++) {
            new Actions(d).keyDown(Keys.SHIFT).sendKeys(Keys.TAB).keyUp(Keys.SHIFT).perform();
            assertEquals("ok", js(d, RING), "the focus ring going back");
        }
        assertEquals("copy-link", js(d, "return document.activeElement.id"));
        press(d, Keys.ENTER);
        new WebDriverWait(d, Duration.ofSeconds(10)).until(x -> String.valueOf(js(x, "return document.body.getAttribute('data-link')")).contains("beta="));
    }

    @Test
    void aStudentDoesAnExerciseTaskWithTheKeyboard() throws IOException {
        WebDriver d = lab.browser;
        d.get("about:blank");
        open(d, lab.url("index.html#exercise=hopfield-basics"));
        new WebDriverWait(d, Duration.ofSeconds(30)).until(x -> js(x, "return document.body.getAttribute('data-exercise-task')") != null);
        js(d, "window.scrollTo(0, 0); document.activeElement.blur()");
        // the first choice of the open task: Tab to the radio group, Space picks it
        tabTo(d, "#exercise .ex-task.open input[type=radio]", 80);
        press(d, Keys.SPACE);
        assertEquals(Boolean.TRUE, js(d, "return document.activeElement.checked"));
        tabTo(d, "#exercise .ex-task.open [data-ex=check]", 10);
        Object graded = js(d, "return document.body.getAttribute('data-exercise-graded')");
        press(d, Keys.ENTER);
        new WebDriverWait(d, Duration.ofSeconds(120)).until(x -> {
            Object g = js(x, "return document.body.getAttribute('data-exercise-graded')");
            return g != null && !g.equals(graded) && Boolean.FALSE.equals(js(x, "return hopfieldExercise.state().grading"));
        });
        assertFalse(d.findElements(By.cssSelector("#exercise .ex-task.open .ex-fb")).isEmpty(), "a verdict is shown");
        // the keyboard is still where the student was: on Check, with its ring, not thrown back to the page's top
        new WebDriverWait(d, Duration.ofSeconds(5)).until(x -> Boolean.TRUE.equals(
                js(x, "return document.activeElement.matches('#exercise .ex-task.open [data-ex=check]')")));
        assertEquals("ok", js(d, RING));
        shot(d, "a11y-keyboard-exercise");
    }

    /** The open tab's name, with the tabs' attributes as the WAI-ARIA tabs pattern wants them (else what is wrong). */
    static final String OPEN_TAB = "var tabs = document.querySelectorAll('.tabs [role=tab]'), open = [], roving = [];"
            + "tabs.forEach(function (b) { if (b.getAttribute('aria-selected') === 'true') open.push(b); if (b.tabIndex === 0) roving.push(b); });"
            + "if (open.length !== 1) return 'selected: ' + open.length;"
            + "if (roving.length !== 1 || roving[0] !== open[0]) return 'the selected tab alone is in the Tab order';"
            + "var panel = document.getElementById(open[0].getAttribute('aria-controls'));"
            + "if (!panel || panel.getAttribute('role') !== 'tabpanel' || panel.getAttribute('aria-labelledby') !== open[0].id) return 'panel';"
            + "var shown = Array.prototype.filter.call(document.querySelectorAll('[role=tabpanel]'), function (p) { return p.getClientRects().length > 0; });"
            + "if (shown.length !== 1 || shown[0] !== panel) return 'shown panels: ' + shown.map(function (p) { return p.id; });"
            + "return open[0].dataset.tab;";

    @Test
    void aStudentOpensTheSynapsesTabWithTheArrowKeys() throws IOException {
        WebDriver d = lab.browser;
        openPaused(d, lab.url("index.html?preset=sequence&view=theory" + SLOW));
        js(d, "window.scrollTo(0, 0); document.activeElement.blur()");
        assertEquals("theory", js(d, OPEN_TAB));
        Object step = js(d, "return hopfieldLab.frame().step");
        // Tab reaches the tablist once: on its open tab
        tabTo(d, ".tabs [role=tab]", 300);
        assertEquals("theory", js(d, "return document.activeElement.dataset.tab"));
        // → moves to the next tab and opens it, → again to Synapses
        press(d, Keys.ARROW_RIGHT);
        assertEquals("landscape", js(d, "return document.activeElement.dataset.tab"));
        assertEquals("landscape", js(d, OPEN_TAB));
        press(d, Keys.ARROW_RIGHT);
        assertEquals("synapses", js(d, "return document.activeElement.dataset.tab"));
        assertEquals("synapses", js(d, OPEN_TAB));
        assertEquals("ok", js(d, RING), "the focus ring on the tab");
        js(d, "document.activeElement.scrollIntoView({block: 'center'})");
        shot(d, "a11y-keyboard-tabs");
        // the synapse matrix is drawn in the panel shown
        new WebDriverWait(d, Duration.ofSeconds(20)).until(x -> Boolean.TRUE.equals(js(x,
                "var c = document.getElementById('syn'); return c.getClientRects().length > 0"
                + " && c.getContext('2d').getImageData(0, 0, c.width, c.height).data.some(function (v) { return v > 0; })")));
        // round the end, and Home / End; ← back
        press(d, Keys.ARROW_RIGHT);
        assertEquals("theory", js(d, OPEN_TAB));
        press(d, Keys.END);
        assertEquals("synapses", js(d, OPEN_TAB));
        press(d, Keys.HOME);
        assertEquals("theory", js(d, OPEN_TAB));
        press(d, Keys.ARROW_LEFT);
        assertEquals("synapses", js(d, OPEN_TAB));
        assertEquals("synapses", js(d, "return document.activeElement.dataset.tab"));
        // the arrows stayed with the tabs: the run did not step
        assertEquals(step, js(d, "return hopfieldLab.frame().step"));
        // Tab leaves the tablist for the panel's first control
        press(d, Keys.TAB);
        assertEquals("syn-diff", js(d, "return document.activeElement.id"));
    }

    @Test
    void theArrowKeysSkipATabATeachersLinkHides() {
        WebDriver d = lab.browser;
        openPaused(d, lab.url("index.html?preset=sequence&view=landscape&hide=landscape" + SLOW));
        // the open tab is hidden: the Tab stop is the first tab shown
        js(d, "window.scrollTo(0, 0); document.activeElement.blur()");
        tabTo(d, ".tabs [role=tab]", 300);
        assertEquals("theory", js(d, "return document.activeElement.dataset.tab"));
        press(d, Keys.ARROW_RIGHT);
        assertEquals("synapses", js(d, OPEN_TAB));
        press(d, Keys.ARROW_RIGHT);
        assertEquals("theory", js(d, OPEN_TAB));
        press(d, Keys.ARROW_LEFT);
        assertEquals("synapses", js(d, OPEN_TAB));
    }

    // ---- the header's menus: the WAI-ARIA disclosure-navigation pattern ----

    /** Whether the menu is open, the focused element's text (or 'summary' on its button) and the ring at it. */
    static String menuState(WebDriver d, String menu) {
        return (String) js(d, "var m = document.querySelector(arguments[0]), e = document.activeElement;"
                + "var where = e === m.querySelector('summary') ? 'summary' : m.contains(e) ? e.textContent.trim().replace(/\\s+/g, ' ') : 'outside ' + e.tagName;"
                + "return (m.open ? 'open' : 'closed') + ' | ' + where;", menu);
    }

    /** The texts of a menu's items, in order. */
    @SuppressWarnings("unchecked")
    static java.util.List<String> menuItems(WebDriver d, String menu) {
        return (java.util.List<String>) js(d, "return Array.prototype.map.call(document.querySelector(arguments[0])"
                + ".querySelectorAll('.menu-list a[href], .menu-list button'), function (x) { return x.textContent.trim().replace(/\\s+/g, ' '); })", menu);
    }

    /**
     * Drives a header menu with the keys of the disclosure-navigation pattern: ↓ on its button opens it on the first
     * item, ↓/↑ move between the items and stop at the ends, End/Home go to the last/first, Escape closes it and
     * leaves the focus on its button, ↑ on the button opens it on the last item, Tab past the last item leaves and
     * closes it. Every stop shows the focus ring; the arrows never step the run nor scroll the page.
     */
    static void driveMenu(WebDriver d, String menu, String what) {
        java.util.List<String> items = menuItems(d, menu);
        assertTrue(items.size() >= 3, what + ": items " + items);
        String first = items.get(0), second = items.get(1), last = items.get(items.size() - 1);
        Object step = js(d, "return hopfieldLab.frame().step");
        js(d, "document.querySelector(arguments[0] + ' summary').focus()", menu);
        Object scroll = js(d, "return window.scrollY");
        press(d, Keys.ARROW_DOWN);
        assertEquals("open | " + first, menuState(d, menu), what + ": ↓ on the button");
        assertEquals("ok", js(d, RING), what + ": the ring on the first item");
        press(d, Keys.ARROW_DOWN);
        assertEquals("open | " + second, menuState(d, menu), what + ": ↓");
        press(d, Keys.ARROW_UP, Keys.ARROW_UP);
        assertEquals("open | " + first, menuState(d, menu), what + ": ↑ stops at the first item");
        press(d, Keys.END);
        assertEquals("open | " + last, menuState(d, menu), what + ": End");
        assertEquals("ok", js(d, RING), what + ": the ring on the last item");
        press(d, Keys.ARROW_DOWN);
        assertEquals("open | " + last, menuState(d, menu), what + ": ↓ stops at the last item");
        press(d, Keys.HOME);
        assertEquals("open | " + first, menuState(d, menu), what + ": Home");
        press(d, Keys.ESCAPE);
        assertEquals("closed | summary", menuState(d, menu), what + ": Escape closes it, back on its button");
        assertEquals("ok", js(d, RING), what + ": the ring on the button");
        press(d, Keys.ARROW_UP);
        assertEquals("open | " + last, menuState(d, menu), what + ": ↑ on the button");
        press(d, Keys.TAB);
        assertTrue(menuState(d, menu).startsWith("closed | outside"), what + ": Tab past the last item leaves and closes it: " + menuState(d, menu));
        assertEquals(step, js(d, "return hopfieldLab.frame().step"), what + ": the run did not step");
        assertEquals(scroll, js(d, "return window.scrollY"), what + ": the page did not scroll");
    }

    @Test
    void theExportAndCourseMenusFollowTheDisclosureNavigationPattern() throws IOException {
        WebDriver d = lab.browser;
        openExercise(d);
        async(d, "hopfieldLab.settled()");
        js(d, "window.scrollTo(0, 0)");
        driveMenu(d, ".menu[data-section=export]", "Export");
        driveMenu(d, ".ex-course", "Course");
        // the exercise open now is the current page among the course's links
        assertEquals(1L, js(d, "return document.querySelectorAll('.ex-course a[aria-current=page][data-course=idp-existence]').length"));
        // open, with the keyboard on an item: axe finds nothing in either
        js(d, "document.querySelector('.ex-course summary').focus()");
        press(d, Keys.ARROW_DOWN, Keys.ARROW_DOWN);
        shot(d, "a11y-keyboard-course-menu");
        assertAccessible(d, "the course menu open, an item focused");
        press(d, Keys.ESCAPE);
        js(d, "document.querySelector('.menu[data-section=export] summary').focus()");
        press(d, Keys.ARROW_DOWN, Keys.ARROW_DOWN);
        shot(d, "a11y-keyboard-export-menu");
        assertAccessible(d, "the export menu open, an item focused");
        // an item that does its job closes the menu and leaves the keyboard on its button, not lost on the page
        assertEquals("open | Run as JSON", menuState(d, ".menu[data-section=export]"));
        press(d, Keys.ENTER);
        assertEquals("closed | summary", menuState(d, ".menu[data-section=export]"), "after an export");
        // Shift+Tab from the button leaves an open menu and closes it
        press(d, Keys.ARROW_DOWN);
        js(d, "document.querySelector('.menu[data-section=export] summary').focus()");
        new Actions(d).keyDown(Keys.SHIFT).sendKeys(Keys.TAB).keyUp(Keys.SHIFT).perform();
        assertTrue(menuState(d, ".menu[data-section=export]").startsWith("closed | outside"), menuState(d, ".menu[data-section=export]"));
    }

    /** The model switch's radios: [focused value, checked value, the values in the Tab order]. */
    static String modelSwitch(WebDriver d) {
        return (String) js(d, "var bs = Array.prototype.slice.call(document.querySelectorAll('.model-switch [role=radio]'));"
                + "var checked = bs.filter(function (b) { return b.getAttribute('aria-checked') === 'true'; }).map(function (b) { return b.dataset.value; });"
                + "var stops = bs.filter(function (b) { return b.tabIndex >= 0; }).map(function (b) { return b.dataset.value; });"
                + "var f = document.activeElement; return (f.dataset && f.dataset.value || f.id || f.tagName) + ' | ' + checked + ' | ' + stops;");
    }

    /**
     * The model switch (and every choice of the setup column) is a WAI-ARIA radio group: one Tab stop, the chosen
     * value; → and ← choose the next or previous model round the ends and stay in the group (they stepped the run
     * before, and each radio was a Tab stop of its own).
     */
    @Test
    void theModelSwitchIsARadioGroupOfTheArrowKeys() {
        WebDriver d = lab.browser;
        openPaused(d, lab.url("index.html?preset=sequence" + SLOW));
        assertTrue(spec(d).contains("model=idp"), spec(d));
        js(d, "window.scrollTo(0, 0); document.activeElement.blur()");
        tabTo(d, ".model-switch [role=radio]", 40);
        assertEquals("idp | idp | idp", modelSwitch(d), "Tab reaches the chosen model alone");
        press(d, Keys.ARROW_RIGHT);
        new WebDriverWait(d, Duration.ofSeconds(20)).until(x -> spec(x).contains("model=modern"));
        assertEquals("modern | modern | modern", modelSwitch(d), "→ chooses the next model and keeps the focus on it");
        assertEquals("ok", js(d, RING));
        press(d, Keys.ARROW_LEFT, Keys.ARROW_LEFT);
        new WebDriverWait(d, Duration.ofSeconds(20)).until(x -> spec(x).contains("model=classic"));
        assertEquals("classic | classic | classic", modelSwitch(d));
        press(d, Keys.ARROW_LEFT);   // round the start to the last
        new WebDriverWait(d, Duration.ofSeconds(20)).until(x -> spec(x).contains("model=discrete"));
        assertEquals("discrete | discrete | discrete", modelSwitch(d));
        async(d, "hopfieldLab.settled()");
        // Tab leaves the group for the next control
        press(d, Keys.TAB);
        assertFalse(Boolean.TRUE.equals(js(d, "return !!document.activeElement.closest('.model-switch')")), "Tab leaves the radio group");
        // the choices of the setup column are radio groups of one Tab stop each too
        assertEquals(0L, js(d, "return Array.prototype.filter.call(document.querySelectorAll('[role=radiogroup]'), function (g) {"
                + " return Array.prototype.filter.call(g.querySelectorAll('[role=radio]'), function (b) { return b.tabIndex >= 0; }).length !== 1; }).length"));
    }

    /**
     * The page's Tab stops from its top, in the Tab order, each "descriptor @ top bottom left right" in page
     * coordinates (the focus ends when it leaves the page or comes back round); elements with no box are left out.
     */
    static List<String> tabStops(WebDriver d, int max) {
        js(d, "window.scrollTo(0, 0); document.querySelectorAll('[data-tab-stop]').forEach(function (e) { e.removeAttribute('data-tab-stop'); });"
                + "var b = document.body; b.tabIndex = -1; b.focus(); b.removeAttribute('tabindex');");
        List<String> stops = new ArrayList<>();
        for (int i = 0; i < max; i++) {
            press(d, Keys.TAB);
            String stop = (String) js(d, "var e = document.activeElement;"
                    + "if (!e || e === document.body || e.hasAttribute('data-tab-stop')) return null;"
                    + "e.setAttribute('data-tab-stop', '');"
                    + "var r = e.getBoundingClientRect(), y = window.scrollY, x = window.scrollX;"
                    + "if (!r.width || !r.height) return '';"
                    + "var name = e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.dataset.value ? '[' + e.dataset.value + ']' : '')"
                    + "  + (e.closest('.top') ? ' (header)' : '') + ' ' + (e.getAttribute('aria-label') || e.textContent || '').trim().substring(0, 24);"
                    + "return name + ' @ ' + [r.top + y, r.bottom + y, r.left + x, r.right + x].map(Math.round).join(' ');");
            if (stop == null) {
                return stops;
            }
            if (!stop.isEmpty()) {
                stops.add(stop);
            }
        }
        throw new AssertionError("the Tab order did not end within " + max + " stops");
    }

    static double[] box(String stop) {
        String[] v = stop.substring(stop.lastIndexOf(" @ ") + 3).split(" ");
        return new double[] {Double.parseDouble(v[0]), Double.parseDouble(v[1]), Double.parseDouble(v[2]), Double.parseDouble(v[3])};
    }

    /**
     * Where the Tab order goes against the order on the screen: a stop wholly above the one before it (unless it
     * starts right of that one's right edge: the next column of a form or of the page), or on the same row wholly to
     * its left. In the header (one column) a stop wholly above the one before is wrong wherever it is.
     */
    static List<String> backwards(List<String> stops) {
        List<String> wrong = new ArrayList<>();
        for (int i = 1; i < stops.size(); i++) {
            double[] a = box(stops.get(i - 1)), b = box(stops.get(i));
            boolean above = b[1] <= a[0] + 1, sameRow = Math.min(a[1], b[1]) - Math.max(a[0], b[0]) > 1;
            boolean nextColumn = b[2] >= a[3] - 1 && !(stops.get(i).contains("(header)") && stops.get(i - 1).contains("(header)"));
            if (above && !nextColumn || sameRow && b[3] <= a[2] + 1) {
                wrong.add(stops.get(i - 1) + "  →  " + stops.get(i));
            }
        }
        return wrong;
    }

    /**
     * The Tab order (and so a screen reader's reading order, the DOM's) is the order on the screen at every width:
     * on a phone the CSS shows the network and the plots before the setup column, and below 1320 px the header's
     * preset picker on a row under its buttons, and the page's order follows (it did not: a phone's Tab went from the
     * run controls into the setup at the bottom of the page, then back up to the network; the header's buttons came
     * after the preset row under them). The page is opened on a phone and then resized, as a phone is turned.
     */
    @Test
    void theTabOrderIsTheOrderOnTheScreenAtEveryWidth() throws IOException {
        ChromeDriver d = LabChromium.newBrowser(390, 844);
        try {
            openPaused(d, lab.url("index.html?preset=sequence" + SLOW));
            for (int w : new int[] {390, 1400, 1280, 900, 390}) {
                d.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", w, "height", w < 600 ? 844 : 900,
                        "deviceScaleFactor", 1, "mobile", w < 600));
                new WebDriverWait(d, Duration.ofSeconds(10)).until(x -> Long.valueOf(w).equals(js(x, "return window.innerWidth")));
                js(d, "return new Promise(function (r) { requestAnimationFrame(function () { requestAnimationFrame(r); }); })");
                List<String> stops = tabStops(d, 400);
                assertTrue(stops.size() > 30, w + " px: " + stops);
                // the walk reached the whole page: the setup's controls too
                assertTrue(stops.stream().anyMatch(x -> x.contains("#open-draw")), w + " px: the setup's controls are Tab stops: " + stops);
                assertEquals(List.of(), backwards(stops), w + " px: the Tab order goes back up the screen; the whole order:\n"
                        + String.join("\n", stops) + "\n");
            }
            shot(d, "focus-order-phone");
            // an exercise on the phone: its panel above the lab, its course menu in the header
            d.get("about:blank");
            open(d, lab.url("index.html#exercise=hopfield-basics"));
            new WebDriverWait(d, Duration.ofSeconds(30)).until(x -> js(x, "return document.body.getAttribute('data-exercise-task')") != null);
            List<String> stops = tabStops(d, 600);
            assertTrue(stops.stream().anyMatch(x -> x.startsWith("summary Spec")), "an exercise: " + stops);
            assertEquals(List.of(), backwards(stops), "an exercise at 390 px: the Tab order goes back up the screen; the whole order:\n"
                    + String.join("\n", stops) + "\n");
        } finally {
            d.quit();
        }
    }

    /** Whether the drawing dialog is open. */
    static boolean dialogOpen(WebDriver d) {
        return Boolean.TRUE.equals(js(d, "return document.getElementById('draw-dialog').open"));
    }

    /**
     * An arrow key onto a drawn choice (the drawn memory set, the drawn start state) only chooses it: it opens no
     * dialog (WCAG 3.2.2; the arrows opened the drawing dialog before, as a click does). With nothing drawn the core
     * refuses the choice: its message is said (an alert by the choice), the run stays as it was and the choice too,
     * and the focus stays on the value the arrow reached. Enter or Space there opens the drawing, as a click does.
     */
    @Test
    void anArrowOntoADrawnChoiceOpensNoDialogAndTheCoreSaysWhyNot() throws IOException {
        WebDriver d = lab.browser;
        openPaused(d, lab.url("index.html?preset=sequence" + SLOW));
        String[][] groups = {{"mem", "custom"}, {"x0", "drawn"}};
        for (String[] g : groups) {
            String key = g[0], drawn = g[1], before = spec(d);
            assertFalse(before.contains(key + "=" + drawn), before);
            // what the core says of this choice with nothing drawn
            String refusal = (String) js(d, "try { HLab.spec.change({" + key + ": arguments[0]}); return ''; } catch (e) { return e.message; }", drawn);
            assertFalse(refusal.isEmpty(), key + "=" + drawn + " with nothing drawn: the core takes it");
            js(d, "document.querySelector('#c-' + arguments[0] + ' [aria-checked=true]').focus()", key);
            String chosen = (String) js(d, "return document.activeElement.dataset.value");
            // the drawn value is the last: ← from the first value goes round to it
            assertEquals(js(d, "return document.querySelector('#c-' + arguments[0] + ' [role=radio]').dataset.value", key), chosen,
                    key + " starts on its first value");
            press(d, Keys.ARROW_LEFT);
            assertFalse(dialogOpen(d), key + ": an arrow onto the drawn value opened the drawing dialog");
            assertEquals(drawn, js(d, "return document.activeElement.dataset.value"), key + ": ← reaches the drawn value");
            assertEquals(before, spec(d), key + ": the run stays as it was");
            assertEquals(chosen, js(d, "return document.querySelector('#c-' + arguments[0] + ' [aria-checked=true]').dataset.value", key),
                    key + ": the chosen value stays");
            String error = (String) js(d, "var e = document.querySelector('.field-error'); return e ? e.getAttribute('role') + ' ' + e.textContent : ''");
            assertTrue(error.startsWith("alert " + refusal), key + ": the core's message is said: " + error + " (the core: " + refusal + ")");
            shot(d, "focus-drawn-arrow-" + key);
            // Enter (a click) on the drawn value opens the drawing
            press(d, key.equals("mem") ? Keys.ENTER : Keys.SPACE);
            new WebDriverWait(d, Duration.ofSeconds(10)).until(LabAccessibilityIT::dialogOpen);
            assertEquals(key.equals("mem") ? "mem" : "cue", js(d, "return document.getElementById('draw-dialog').dataset.mode"));
            js(d, "document.getElementById('draw-dialog').close()");
            assertEquals(before, spec(d), key + ": the run stays as it was after a cancelled drawing");
        }
    }

    @Test
    void thePensStateIsSaidAndAHeldSpaceDoesNotFlipACellBack() {
        WebDriver d = lab.browser;
        open(d, lab.url("index.html?" + LabFeaturesIT.GLYPHS + SLOW));
        async(d, "hopfieldLab.settled()");
        js(d, "document.getElementById('open-draw').click()");
        new WebDriverWait(d, Duration.ofSeconds(10)).until(x -> x.findElement(By.id("draw-canvas")).isDisplayed());
        // Space on a blank cell inks it; the key's auto-repeat (a held Space) leaves it inked
        js(d, "document.getElementById('draw-canvas').focus()");
        press(d, Keys.ARROW_RIGHT, Keys.ARROW_LEFT);   // the top left cell, which the letter A leaves blank
        assertEquals("Row 1, column 1 of 10: blank", said(d));
        press(d, Keys.SPACE);
        assertEquals("Row 1, column 1 of 10: inked now", said(d));
        js(d, "for (var i = 0; i < 3; i++) document.getElementById('draw-canvas').dispatchEvent(new KeyboardEvent('keydown', {key: ' ', repeat: true, bubbles: true, cancelable: true}))");
        assertEquals("Row 1, column 1 of 10: inked now", said(d));
        String pens = "return Array.prototype.map.call(document.querySelectorAll('#draw-pen button'), function (b) { return b.textContent + '=' + b.getAttribute('aria-pressed'); }).join(' ')";
        assertEquals("Ink=true Erase=false", js(d, pens));
        js(d, "document.querySelector('#draw-pen [data-pen=\"-1\"]').click()");
        assertEquals("Ink=false Erase=true", js(d, pens));
        js(d, "document.getElementById('draw-dialog').close()");
    }

    /** The lab's cue (the spec's cuepat, unpacked by the core) as + and - signs, or null when the spec has none. */
    static String cue(WebDriver d) {
        return (String) js(d, "var v = HLab.S.st.values; return v.cuepat ? String(HLab.core.unpackCue(v.cuepat, Number(v.n))) : null");
    }

    @Test
    void aStudentDrawsACueWithTheKeyboard() throws IOException {
        WebDriver d = lab.browser;
        open(d, lab.url("index.html?" + LabFeaturesIT.GLYPHS + SLOW));   // N = 100: a 10 × 10 cue
        async(d, "hopfieldLab.settled()");
        assertEquals(null, cue(d), "no cue yet: the dialog starts blank");
        js(d, "window.scrollTo(0, 0); document.activeElement.blur()");
        tabTo(d, "#open-cue", 300);
        press(d, Keys.ENTER);
        new WebDriverWait(d, Duration.ofSeconds(10)).until(x -> x.findElement(By.id("draw-canvas")).isDisplayed());
        tabTo(d, "#draw-canvas", 40);
        String blank = (String) js(d, "return document.getElementById('draw-canvas').toDataURL()");
        // the cursor starts on the top left cell; → → → ↓ ↓ to row 3, column 4; Space inks it
        press(d, Keys.ARROW_RIGHT, Keys.ARROW_RIGHT, Keys.ARROW_RIGHT, Keys.ARROW_DOWN, Keys.ARROW_DOWN);
        By said = By.cssSelector("#draw-cursor[role=status]");
        assertEquals("Row 3, column 4 of 10: blank", d.findElement(said).getAttribute("textContent"));
        assertEquals("draw-cursor", d.findElement(By.id("draw-canvas")).getAttribute("aria-describedby"));
        press(d, Keys.SPACE);
        assertEquals("Row 3, column 4 of 10: inked now", d.findElement(said).getAttribute("textContent"));
        assertNotEquals(blank, js(d, "return document.getElementById('draw-canvas').toDataURL()"), "the cell is drawn");
        assertEquals("ok", js(d, RING), "the focus ring on the grid");
        js(d, "document.activeElement.scrollIntoView({block: 'center'})");
        shot(d, "a11y-keyboard-grid");
        // ← and Enter ink row 3, column 3; ↑ and Space twice leave row 2, column 3 as it was (blank)
        press(d, Keys.ARROW_LEFT, Keys.ENTER, Keys.ARROW_UP, Keys.SPACE);
        assertEquals("Row 2, column 3 of 10: inked now", d.findElement(said).getAttribute("textContent"));
        press(d, Keys.SPACE);
        assertEquals("Row 2, column 3 of 10: blank now", d.findElement(said).getAttribute("textContent"));
        // the dialog's button applies the cue, as a click does
        tabTo(d, "#draw-use", 40);
        press(d, Keys.ENTER);
        new WebDriverWait(d, Duration.ofSeconds(20)).until(x -> cue(x) != null);
        async(d, "hopfieldLab.settled()");
        char[] want = "-".repeat(100).toCharArray();
        want[2 * 10 + 3] = '+';
        want[2 * 10 + 2] = '+';
        assertEquals(new String(want), cue(d), "exactly the two cells the keys inked, in the core's cue");
    }

    /** The text of the grid's live region and how many times it changed since {@link #COUNT_SAID} was run. */
    static final String COUNT_SAID = "var r = document.getElementById('draw-cursor'); window.saidTimes = 0;"
            + "if (window.saidObserver) window.saidObserver.disconnect();"
            + "window.saidObserver = new MutationObserver(function (recs) { window.saidTimes += recs.length; });"
            + "window.saidObserver.observe(r, {childList: true, characterData: true, subtree: true});";

    static String said(WebDriver d) {
        return (String) js(d, "return document.getElementById('draw-cursor').textContent");
    }

    /** Shift held while the keys are pressed, then let go. */
    static void shift(WebDriver d, CharSequence... keys) {
        new Actions(d).keyDown(Keys.SHIFT).sendKeys(keys).keyUp(Keys.SHIFT).perform();
    }

    @Test
    void aStudentPaintsStrokesWithShiftAndTheArrows() throws IOException {
        WebDriver d = lab.browser;
        open(d, lab.url("index.html?" + LabFeaturesIT.GLYPHS + SLOW));   // N = 100: a 10 × 10 cue
        async(d, "hopfieldLab.settled()");
        js(d, "document.getElementById('open-cue').click()");
        new WebDriverWait(d, Duration.ofSeconds(10)).until(x -> x.findElement(By.id("draw-canvas")).isDisplayed());
        js(d, "document.getElementById('draw-canvas').focus()");
        // to row 2, column 2 (blank): Shift+→ three times inks it and the three cells it enters, said once at the end
        press(d, Keys.ARROW_DOWN, Keys.ARROW_RIGHT);
        js(d, COUNT_SAID);
        shift(d, Keys.ARROW_RIGHT, Keys.ARROW_RIGHT, Keys.ARROW_RIGHT);
        assertEquals("Row 2, column 5 of 10: inked; the stroke inked 4 cells", said(d));
        assertEquals(1L, js(d, "return window.saidTimes"), "one message for the stroke, not one per cell");
        js(d, "document.activeElement.scrollIntoView({block: 'center'})");
        shot(d, "a11y-keyboard-grid-stroke");
        // Shift again where that stroke ended goes on inking (the cell it starts on is inked already)
        shift(d, Keys.ARROW_DOWN, Keys.ARROW_DOWN);
        assertEquals("Row 4, column 5 of 10: inked; the stroke inked 2 cells", said(d));
        // Space inks row 4, column 6; a stroke from there goes on as Space went: it inks
        press(d, Keys.ARROW_RIGHT, Keys.SPACE);
        assertEquals("Row 4, column 6 of 10: inked now", said(d));
        shift(d, Keys.ARROW_RIGHT);
        assertEquals("Row 4, column 7 of 10: inked; the stroke inked 1 cell", said(d));
        // a stroke started on an inked cell (row 2, column 3, reached without Shift) erases: it and row 3, column 3;
        // End with Shift paints the row to its end as a fast drag does (the line between)
        press(d, Keys.ARROW_UP, Keys.ARROW_UP, Keys.ARROW_LEFT, Keys.ARROW_LEFT, Keys.ARROW_LEFT, Keys.ARROW_LEFT);
        assertEquals("Row 2, column 3 of 10: inked", said(d));
        shift(d, Keys.ARROW_DOWN);
        assertEquals("Row 3, column 3 of 10: blank; the stroke erased 1 cell", said(d));
        press(d, Keys.ARROW_DOWN, Keys.ARROW_DOWN, Keys.ARROW_DOWN, Keys.ARROW_DOWN);   // row 7, column 3 (blank)
        shift(d, Keys.END);
        assertEquals("Row 7, column 10 of 10: inked; the stroke inked 8 cells", said(d));
        // the dialog applies it: the core's cue has exactly the cells the strokes left inked
        js(d, "document.getElementById('draw-use').click()");
        new WebDriverWait(d, Duration.ofSeconds(20)).until(x -> cue(x) != null);
        char[] want = "-".repeat(100).toCharArray();
        for (int[] rc : new int[][] {{2, 2}, {2, 4}, {2, 5}, {3, 5}, {4, 5}, {4, 6}, {4, 7}}) {
            want[(rc[0] - 1) * 10 + rc[1] - 1] = '+';
        }
        for (int col = 3; col <= 10; col++) {
            want[6 * 10 + col - 1] = '+';
        }
        assertEquals(new String(want), cue(d), "the cells the strokes inked and erased, in the core's cue");
    }

    /**
     * The grid cursor's ring is drawn in the theme's --grid-cursor colour (a page may set it: the ring follows), and
     * in light and dark mode that colour is at least 3:1 against both the blank and the inked cells as drawn.
     */
    @Test
    void theGridCursorsColourIsTheThemesAndStandsOutOnBothCells() {
        ChromeDriver d = lab.browser;
        try {
            for (boolean dark : new boolean[] {false, true}) {
                LabBrowserIT.dark(d, dark);
                String mode = dark ? "dark" : "light";
                d.get("about:blank");
                open(d, lab.url("index.html?" + LabFeaturesIT.GLYPHS + SLOW));
                async(d, "hopfieldLab.settled()");
                js(d, "document.getElementById('open-draw').click()");
                new WebDriverWait(d, Duration.ofSeconds(10)).until(x -> x.findElement(By.id("draw-canvas")).isDisplayed());
                // a 16 × 16 grid: 24 px cells, so the ring's pixels are whole
                js(d, "var s = document.getElementById('draw-side'); s.value = '16'; s.dispatchEvent(new Event('change'));"
                        + "document.getElementById('draw-canvas').focus()");
                press(d, Keys.ARROW_DOWN, Keys.ARROW_DOWN, Keys.ARROW_RIGHT);   // row 3, column 2
                String theme = (String) js(d, "return getComputedStyle(document.getElementById('draw-canvas')).getPropertyValue('--grid-cursor').trim()");
                assertTrue(theme.matches("#[0-9a-fA-F]{6}"), mode + ": --grid-cursor is a theme colour: '" + theme + "'");
                assertEquals(theme.toLowerCase(), ringColour(d, 2, 1), mode + ": the ring is drawn in --grid-cursor");
                // the cells' colours as drawn: the lightest and the darkest cell centres away from the cursor
                @SuppressWarnings("unchecked")
                java.util.List<String> cells = (java.util.List<String>) js(d, "var c = document.getElementById('draw-canvas'), g = c.getContext('2d'), out = {};"
                        + "for (var r = 0; r < 16; r++) for (var k = 0; k < 16; k++) { if (r === 2 && k === 1) continue;"
                        + "  var p = g.getImageData(k * 24 + 12, r * 24 + 12, 1, 1).data; out['#' + [p[0], p[1], p[2]].map(function (v) { return (256 + v).toString(16).substring(1); }).join('')] = 1; }"
                        + "return Object.keys(out);");
                assertEquals(2, cells.size(), mode + ": blank and inked cells: " + cells);
                for (String cell : cells) {
                    double ratio = contrast(theme, cell);
                    assertTrue(ratio >= 3, mode + ": the cursor " + theme + " on a cell " + cell + " is " + ratio + ":1, under 3:1");
                }
                // a page that sets the property gets its colour in the ring
                js(d, "document.documentElement.style.setProperty('--grid-cursor', '#0072b2')");
                press(d, Keys.ARROW_RIGHT);   // row 3, column 3
                assertEquals("#0072b2", ringColour(d, 2, 2), mode + ": the ring follows --grid-cursor");
                js(d, "document.documentElement.style.removeProperty('--grid-cursor')");
            }
        } finally {
            LabBrowserIT.dark(d, false);
        }
    }

    /** The colour of the cursor's ring at the cell (row, column) of a 16 × 16 grid (24 px cells): 2 px in, mid-side. */
    static String ringColour(WebDriver d, int row, int col) {
        return (String) js(d, "var p = document.getElementById('draw-canvas').getContext('2d').getImageData(arguments[0] * 24 + 2, arguments[1] * 24 + 12, 1, 1).data;"
                + "return '#' + [p[0], p[1], p[2]].map(function (v) { return (256 + v).toString(16).substring(1); }).join('');", col, row);
    }

    /** WCAG 2 contrast ratio of two #rrggbb colours. */
    static double contrast(String a, String b) {
        double la = luminance(a), lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    static double luminance(String hex) {
        double[] c = new double[3];
        for (int k = 0; k < 3; k++) {
            double v = Integer.parseInt(hex.substring(1 + 2 * k, 3 + 2 * k), 16) / 255.0;
            c[k] = v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
    }

    /** The focus ring on the tabs, the menus and the grid's cursor, at 1280 and 390 px, light and dark, for the eye. */
    @Test
    void theKeyboardsFocusIsSeenInLightAndDarkOnADeskAndAPhone() throws IOException {
        ChromeDriver phone = LabChromium.newBrowser(390, 844);
        try {
            for (ChromeDriver d : new ChromeDriver[] {lab.browser, phone}) {
                String device = d == phone ? "phone" : "desktop";
                for (boolean dark : new boolean[] {false, true}) {
                    LabBrowserIT.dark(d, dark);
                    String name = "a11y-focus-" + device + (dark ? "-dark" : "-light");
                    d.get("about:blank");
                    open(d, lab.url("index.html?" + LabFeaturesIT.GLYPHS + "&view=theory" + SLOW));
                    async(d, "hopfieldLab.settled()");
                    js(d, "document.querySelector('.tabs [aria-selected=true]').focus(); document.activeElement.scrollIntoView({block: 'center'})");
                    press(d, Keys.ARROW_RIGHT);
                    assertEquals("ok", js(d, RING), name + ": the ring on the tab");
                    shot(d, name + "-tabs");
                    // the Export and Course menus opened with ↓, an item with the keyboard's ring
                    for (String menu : new String[] {".menu[data-section=export]", ".ex-course"}) {
                        js(d, "window.scrollTo(0, 0); document.querySelector(arguments[0] + ' summary').focus()", menu);
                        press(d, Keys.ARROW_DOWN, Keys.ARROW_DOWN);
                        assertEquals("ok", js(d, RING), name + ": the ring in the menu " + menu);
                        shot(d, name + (menu.contains("export") ? "-export-menu" : "-course-menu"));
                        press(d, Keys.ESCAPE);
                    }
                    js(d, "document.getElementById('open-cue').click()");
                    new WebDriverWait(d, Duration.ofSeconds(10)).until(x -> x.findElement(By.id("draw-canvas")).isDisplayed());
                    js(d, "document.querySelectorAll('#draw-list .start-from')[1].click(); document.getElementById('draw-canvas').focus()");
                    press(d, Keys.ARROW_DOWN, Keys.ARROW_DOWN, Keys.ARROW_RIGHT, Keys.ARROW_RIGHT);
                    shift(d, Keys.ARROW_DOWN, Keys.ARROW_DOWN);   // a stroke down from there, the cursor at its end
                    assertEquals("ok", js(d, RING), name + ": the ring on the grid");
                    js(d, "document.activeElement.scrollIntoView({block: 'center'})");
                    shot(d, name + "-grid");
                }
                LabBrowserIT.dark(d, false);
            }
        } finally {
            phone.quit();
        }
    }
}
