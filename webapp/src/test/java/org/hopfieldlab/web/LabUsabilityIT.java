package org.hopfieldlab.web;

import static org.hopfieldlab.web.LabChromium.SLOW;
import static org.hopfieldlab.web.LabChromium.async;
import static org.hopfieldlab.web.LabChromium.js;
import static org.hopfieldlab.web.LabChromium.open;
import static org.hopfieldlab.web.LabChromium.shot;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;

/**
 * The lab as a phone user and a keyboard user meet it, in real headless Chromium at 390 × 844 (a phone's screen,
 * mobile emulation on): menus open inside the screen, numbers in the schedule are shown whole, memory names are
 * readable, and the page's keyboard shortcuts never take a key from the focused control or from an open dialog.
 */
class LabUsabilityIT {
    @RegisterExtension
    static final LabChromium lab = new LabChromium(390, 844);

    static Object js1(String script, Object... args) {
        return js(lab.browser, script, args);
    }

    /** Opens a link and stops the run at step 10 (paused), so the tests start from a known, quiet page. */
    static void openPaused(String query) {
        open(lab.browser, lab.url("index.html?" + query + SLOW));
        async(lab.browser, "hopfieldLab.runTo(10)");
    }

    static boolean playing() {
        return (Boolean) js1("return document.body.classList.contains('playing')");
    }

    @Test
    void theMenusOpenInsideAPhoneScreen() throws IOException {
        openPaused("preset=sequence");
        List<WebElement> menus = lab.browser.findElements(By.cssSelector(".top-actions details.menu"));
        assertTrue(menus.size() >= 2, "the course and export menus, found " + menus.size());
        for (WebElement menu : menus) {
            menu.findElement(By.tagName("summary")).click();
            @SuppressWarnings("unchecked")
            List<Number> box = (List<Number>) js1("var r = arguments[0].querySelector('.menu-list').getBoundingClientRect();"
                    + "return [r.left, r.right, document.documentElement.clientWidth];", menu);
            String what = menu.getAttribute("class") + " list at " + box;
            assertTrue(box.get(0).doubleValue() >= 0, what + ": starts off the left edge");
            assertTrue(box.get(1).doubleValue() <= box.get(2).doubleValue(), what + ": ends off the right edge");
            shot(lab.browser, "phone-menu-" + (menu.getAttribute("class").contains("ex-course") ? "course" : "export"));
            menu.findElement(By.tagName("summary")).click();
        }
    }

    @Test
    void explicitWeightsInTheScheduleAreShownWhole() {
        // the energy preset's windows carry weights (1.5 0.5, then 0.5 1.5): the box must show all of them
        openPaused("preset=energy");
        List<WebElement> boxes = lab.browser.findElements(By.cssSelector("#schedule .w-weights"));
        assertEquals(2, boxes.size());
        for (WebElement box : boxes) {
            String value = box.getAttribute("value");
            assertTrue(value.trim().split("\\s+").length >= 2, "one weight per memory: " + value);
            Number scroll = (Number) js1("return arguments[0].scrollWidth", box);
            Number client = (Number) js1("return arguments[0].clientWidth", box);
            assertTrue(scroll.intValue() <= client.intValue(), "'" + value + "' is cut off: " + scroll + " px in a " + client + " px box");
        }
    }

    @Test
    void memoryNamesAreReadable() {
        // the palette's light colours (orange ξ2, sky blue ξ5, sand ξ7 …) are under 3:1 on white as text, and faded
        // tiles and legend entries took what was left
        openPaused("preset=sequence");
        @SuppressWarnings("unchecked")
        List<String> low = (List<String>) js1(
                "function rgb(c) { var m = c.match(/[\\d.]+/g).map(Number);"
                        + "  return /^color\\(/.test(c) ? m.slice(0, 3).map(function (v) { return v * 255; }) : m.slice(0, 3); }"
                        + "function lum(c) { var v = rgb(c).map(function (x) { x /= 255; return x <= 0.03928 ? x / 12.92 : Math.pow((x + 0.055) / 1.055, 2.4); });"
                        + "  return 0.2126 * v[0] + 0.7152 * v[1] + 0.0722 * v[2]; }"
                        + "var panel = rgb(getComputedStyle(document.querySelector('.panel')).backgroundColor), bg = lum('rgb(' + panel + ')'), out = [];"
                        // what the eye gets: the text's colour seen through the opacity of it and its ancestors
                        + "function seen(el) { var a = 1; for (var e = el; e; e = e.parentElement) a *= Number(getComputedStyle(e).opacity);"
                        + "  var c = rgb(getComputedStyle(el).color); return 'rgb(' + c.map(function (v, i) { return panel[i] + (v - panel[i]) * a; }) + ')'; }"
                        + "document.querySelectorAll('.mem-label i, .mem-label b, .mem-text, #legend .lg').forEach(function (el) {"
                        + "  var l = lum(seen(el)), r = (Math.max(l, bg) + 0.05) / (Math.min(l, bg) + 0.05);"
                        + "  if (r < 4.5) out.push(el.textContent + ' ' + seen(el) + ' ' + r.toFixed(2) + ':1'); });"
                        + "return out;");
        assertTrue(low.isEmpty(), "memory names and overlaps under 4.5:1 against their panel: " + low);
    }

    @Test
    void spaceOnAFocusedControlPressesThatControlNotPlay() {
        openPaused("preset=sequence");
        assertFalse(playing());
        WebElement help = lab.browser.findElement(By.cssSelector("[data-key=beta] .help-btn"));
        js1("arguments[0].scrollIntoView({block: 'center'}); arguments[0].focus()", help);
        new Actions(lab.browser).sendKeys(Keys.SPACE).perform();
        assertEquals("true", help.getAttribute("aria-expanded"), "Space on the focused '?' opens the help");
        assertFalse(playing(), "Space on a focused button must not start the run");

        // with nothing focused, Space is play/pause
        js1("document.activeElement.blur()");
        new Actions(lab.browser).sendKeys(Keys.SPACE).perform();
        assertTrue(playing(), "Space on the page plays");
        new Actions(lab.browser).sendKeys(Keys.SPACE).perform();
        assertFalse(playing(), "Space on the page pauses");
    }

    @Test
    void aLinkThatHidesEverySetupPanelLeavesNoEmptyColumn() throws IOException {
        // a teacher's "just watch" link on a desktop screen: the network column moves to the left edge
        ChromeDriver desk = LabChromium.newBrowser(1280, 900);
        try {
            open(desk, lab.url("index.html?hide=memories,input,dynamics,start,spec" + SLOW));
            Number setupWidth = (Number) js(desk, "return document.querySelector('.setup').getBoundingClientRect().width");
            assertEquals(0, setupWidth.intValue(), "the emptied setup column takes no space");
            Number networkLeft = (Number) js(desk, "return document.querySelector('.network').getBoundingClientRect().left");
            Number labLeft = (Number) js(desk, "var l = document.querySelector('.lab'); return l.getBoundingClientRect().left + parseFloat(getComputedStyle(l).paddingLeft)");
            assertEquals(labLeft.doubleValue(), networkLeft.doubleValue(), 1, "the network column starts at the page's left edge");
            shot(desk, "desktop-hidden-setup");
        } finally {
            desk.quit();
        }
    }

    @Test
    void theLandscapeOfAStoppedRunIsForItsLastFrame() {
        // from disk the engine runs on the page's thread in slices: the landscape asked for at the window switch was
        // computed some steps later, and its note named that time (t = 18.27) under a run that had stopped at 20
        open(lab.browser, LabChromium.LAB.resolve("index.html").toUri() + "?preset=energy&view=landscape" + SLOW);
        assertEquals("js", js1("return hopfieldLab.engine()"));
        async(lab.browser, "hopfieldLab.runTo(1050)");   // just past the switch at t = 10: the landscape is made there
        async(lab.browser, "hopfieldLab.runToEnd()");
        new org.openqa.selenium.support.ui.WebDriverWait(lab.browser, java.time.Duration.ofSeconds(30)).until(d ->
                ((String) js(d, "return document.getElementById('heat-note').textContent")).contains("input at t = 20."));
    }

    @Test
    void everyNumberInAColumnOfTheTheoryTableHasTheSameDecimals() throws IOException {
        // it showed "106" above "41.18" (β α′), "0.55" above "0.377" (|c| sim), "1" above "0.016" (m sim)
        openPaused("preset=sequence&view=theory");
        async(lab.browser, "hopfieldLab.runTo(2000)");
        new org.openqa.selenium.support.ui.WebDriverWait(lab.browser, java.time.Duration.ofSeconds(30)).until(d ->
                "2000".equals(js(d, "return document.body.getAttribute('data-theory-step')")));
        @SuppressWarnings("unchecked")
        List<List<String>> rows = (List<List<String>>) js1("return Array.from(document.querySelectorAll('#theory-table tbody tr'))"
                + ".map(function (tr) { return Array.from(tr.children).map(function (td) { return td.textContent; }); })");
        assertTrue(rows.size() >= 2, "rows: " + rows);
        int numeric = 0;
        for (int col = 1; col < rows.get(0).size(); col++) {
            java.util.Set<Integer> decimals = new java.util.TreeSet<>();
            List<String> column = new java.util.ArrayList<>();
            for (List<String> row : rows) {
                String cell = row.get(col);
                column.add(cell);
                if (cell.matches("[−-]?\\d+(\\.\\d+)?")) {
                    decimals.add(cell.contains(".") ? cell.length() - cell.indexOf('.') - 1 : 0);
                }
            }
            if (!decimals.isEmpty()) {
                numeric++;
                assertEquals(1, decimals.size(), "column " + col + " mixes " + decimals + " decimals: " + column);
            }
        }
        assertEquals(6, numeric, "α′, β α′, c theory, |c| sim, m theory and m sim are numbers: " + rows);
        shot(lab.browser, "phone-theory-table");
    }

    /** The selected preset's title against the room its menu gives it: [text px, room px, title attribute, text-overflow]. */
    @SuppressWarnings("unchecked")
    static List<Object> presetFit(org.openqa.selenium.WebDriver d) {
        return (List<Object>) js(d, "var s = document.getElementById('preset'), cs = getComputedStyle(s),"
                + " c = document.createElement('canvas').getContext('2d');"
                + "c.font = cs.fontStyle + ' ' + cs.fontWeight + ' ' + cs.fontSize + ' ' + cs.fontFamily;"
                + "var text = s.selectedOptions[0].textContent;"
                + "return [Math.ceil(c.measureText(text).width), s.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight),"
                + " s.title, cs.textOverflow, text];");
    }

    @Test
    void thePresetTitleIsShownWholeOnADesktopAndShortenedWithTheWholeTitleOnAPhone() throws IOException {
        // the longest title ("8. Modern Hopfield: softmax gains from input and state") on desktop widths: it was cut
        // wherever the header's middle column was narrower than the title (about 1200 px and less)
        for (int width : new int[] {1280, 1100, 900}) {
            ChromeDriver desk = LabChromium.newBrowser(width, 900);
            try {
                open(desk, lab.url("index.html?preset=modern" + SLOW));
                List<Object> fit = presetFit(desk);
                assertTrue(((Number) fit.get(0)).doubleValue() <= ((Number) fit.get(1)).doubleValue(),
                        width + " px: the title '" + fit.get(4) + "' needs " + fit.get(0) + " px, its menu shows " + fit.get(1) + " px");
                Number right = (Number) js(desk, "return document.getElementById('preset').getBoundingClientRect().right");
                assertTrue(right.doubleValue() <= width, width + " px: the menu runs off the screen at " + right);
                shot(desk, "desktop-" + width + "-preset-title");
            } finally {
                desk.quit();
            }
        }
        // a phone cannot show it whole: an ellipsis says it goes on, the whole title is on the menu (hover, long press)
        openPaused("preset=modern");
        List<Object> fit = presetFit(lab.browser);
        assertEquals(fit.get(4), fit.get(2), "the menu's title attribute is the whole preset title");
        if (((Number) fit.get(0)).doubleValue() > ((Number) fit.get(1)).doubleValue()) {
            assertEquals("ellipsis", fit.get(3), "a title that does not fit ends in an ellipsis: " + fit);
        }
        shot(lab.browser, "phone-preset-title");
    }

    @Test
    void shortcutsDoNotReachTheRunBehindAnOpenDialog() {
        openPaused("preset=energy");
        String step = (String) js1("return document.body.getAttribute('data-step')");
        lab.browser.findElement(By.id("open-draw")).click();
        assertTrue((Boolean) js1("return document.getElementById('draw-dialog').open"));
        new Actions(lab.browser).sendKeys("r").sendKeys(Keys.ARROW_RIGHT).sendKeys(Keys.SPACE).perform();
        assertFalse(playing(), "Space in the drawing dialog must not play the run behind it");
        assertEquals(step, js1("return document.body.getAttribute('data-step')"), "R and → in the dialog must not reset or step the run");
        js1("document.getElementById('draw-dialog').close()");
    }
}
