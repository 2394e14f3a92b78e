package org.hopfieldlab.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.hopfieldlab.sim.memory.MemorySet;
import org.hopfieldlab.sim.run.Simulation;
import org.hopfieldlab.sim.spec.PatternCodec;
import org.hopfieldlab.sim.spec.Presets;
import org.hopfieldlab.sim.spec.ScheduleEdit;
import org.hopfieldlab.sim.spec.SpecCodec;
import org.hopfieldlab.sim.theory.TheoryProbe;
import org.hopfieldlab.sim.theory.TheoryVerdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What the lab shows is correct (issue 7) and teacher locks hold on every path (issue 8), in real headless Chromium at
 * the desktop size the issue measured (1280 × 800): the theory panel's verdict at equilibrium and on a transient,
 * fresh for the last frame; the sentence under the network; compare mode and the checksum in the page and the link;
 * the texts and exports; the natural view of a preset; and each lock path.
 */
class LabCorrectnessIT {
    @RegisterExtension
    static final LabChromium lab = new LabChromium(1280, 800).withDownloads().withConsoleLog();

    static Object js(String script, Object... args) {
        return LabChromium.js(lab.browser, script, args);
    }

    static void open(String query) {
        LabChromium.open(lab.browser, lab.url("index.html?" + query));
    }

    static String spec() {
        return (String) js("return hopfieldLab.spec()");
    }

    /** Waits until the theory panel describes the frame the page shows (the step on <body>). */
    static void theoryOfTheLastFrame() {
        new WebDriverWait(lab.browser, Duration.ofSeconds(30)).until(x -> {
            Object step = js("return document.body.getAttribute('data-step')");
            return step != null && step.equals(js("return document.body.getAttribute('data-theory-step')"));
        });
    }

    /** The JVM's verdict at the end of trial 0, sampled every stride steps as the lab does. */
    static TheoryVerdict.Report jvmVerdictAtEnd(String spec) {
        Simulation sim = new Simulation(SpecCodec.parse(spec), 0);
        TheoryProbe probe = new TheoryProbe(sim);
        int stride = Math.max(1, sim.totalSteps() / 1500);
        probe.sample();
        while (!sim.finished()) {
            sim.advance(stride);
            probe.sample();
        }
        return probe.report();
    }

    static String text(String id) {
        return lab.browser.findElement(By.id(id)).getText();
    }

    // ---- the theory panel ----

    @Test
    void atEquilibriumTheTheoryPanelAgreesWithTheJvmVerdictAndFitsTheColumn() throws IOException {
        open("preset=thresholds&view=theory");
        LabChromium.async(lab.browser, "hopfieldLab.runToEnd()");
        theoryOfTheLastFrame();
        String thresholds = Presets.get("thresholds").spec().toString();
        TheoryVerdict.Report jvm = jvmVerdictAtEnd(thresholds);
        assertEquals(TheoryVerdict.Status.AGREES, jvm.status(), jvm.summary());
        assertEquals(jvm.status().name(), js("return document.body.getAttribute('data-theory-status')"));
        String verdict = text("theory-verdict");
        assertTrue(verdict.startsWith("✓ Agrees") && verdict.contains("At equilibrium (t = 20)"), verdict);
        assertTrue(text("theory-head").contains("t = 20"), "the heading names the moment of the last frame");
        assertTrue(text("theory-note").contains("Agreement: m within ["), "the tolerance is stated: " + text("theory-note"));
        // the predicted overlap of ξ1 is tanh(βc), the JVM's number, in the highlighted row
        WebElement row = lab.browser.findElement(By.cssSelector("#theory-table tr.at"));
        List<WebElement> cells = row.findElements(By.tagName("td"));
        assertEquals("ξ1", cells.get(0).getText());
        assertEquals(jvm.rows()[0].overlapPredicted(), Double.parseDouble(cells.get(7).getText()), 5e-4);
        assertEquals(jvm.rows()[0].overlapSim(), Double.parseDouble(cells.get(8).getText()), 5e-4);
        // nothing of the table is cut off at 1280 px: it fits its panel without scrolling
        Number overflow = (Number) js("var w = document.querySelector('#tab-theory .table-wrap');"
                + " return w.scrollWidth - w.clientWidth");
        assertEquals(0, overflow.intValue(), "the theory table is wider than its panel at 1280 px");
        js("document.getElementById('tab-theory').scrollIntoView({block: 'center'})");
        LabChromium.shot(lab.browser, "desktop-1280-theory-equilibrium");
    }

    @Test
    void duringATransientItSaysSoAndNeverFlagsAndItIsNeverStale() throws IOException {
        open("preset=sequence&view=theory" + LabChromium.SLOW);   // slow: it must not be past t = 12.5 yet
        LabChromium.async(lab.browser, "hopfieldLab.runTo(1250)");   // t = 12.5, 2.5 after the switch to ξ2
        theoryOfTheLastFrame();
        assertEquals("NOT_STEADY", js("return document.body.getAttribute('data-theory-status')"));
        assertTrue(text("theory-verdict").contains("Not at equilibrium yet"), text("theory-verdict"));
        assertTrue(text("theory-head").contains("t = 12.5"), text("theory-head"));
        assertTrue(lab.browser.findElements(By.cssSelector(".verdict.differs, #theory-table tr.bad")).isEmpty(),
                "a transient is never shown as a disagreement");
        js("document.getElementById('tab-theory').scrollIntoView({block: 'center'})");
        LabChromium.shot(lab.browser, "desktop-1280-theory-transient");
        // to the end: the panel follows to t = 30 (it used to stay at an earlier moment) and agrees there
        LabChromium.async(lab.browser, "hopfieldLab.runToEnd()");
        theoryOfTheLastFrame();
        assertTrue(text("theory-head").contains("t = 30"), text("theory-head"));
        assertEquals("AGREES", js("return document.body.getAttribute('data-theory-status')"), text("theory-verdict"));
        assertTrue(text("theory-note").contains("not orthogonal") && text("theory-note").contains("√(P/N)"),
                "random memories: crosstalk explained, " + text("theory-note"));
        // letters: strongly overlapping pictures are a guide, not a list of disagreements
        open("preset=letters-cue&view=theory");
        LabChromium.async(lab.browser, "hopfieldLab.runToEnd()");
        theoryOfTheLastFrame();
        assertEquals("CROSSTALK", js("return document.body.getAttribute('data-theory-status')"), text("theory-verdict"));
        assertTrue(lab.browser.findElements(By.cssSelector(".verdict.differs, #theory-table tr.bad, .flag")).isEmpty());
    }

    @Test
    void onAPhoneTheTheoryTableFitsAtEquilibriumAndOnATransient() throws IOException {
        ChromeDriver phone = LabChromium.newBrowser(390, 844);
        try {
            LabChromium.open(phone, lab.url("index.html?preset=sequence&view=theory" + LabChromium.SLOW));
            LabChromium.async(phone, "hopfieldLab.runTo(1250)");
            phoneTheory(phone, "NOT_STEADY", "phone-theory-transient");
            LabChromium.async(phone, "hopfieldLab.runToEnd()");
            phoneTheory(phone, "AGREES", "phone-theory-equilibrium");
        } finally {
            phone.quit();
        }
    }

    static void phoneTheory(ChromeDriver phone, String status, String shot) throws IOException {
        new WebDriverWait(phone, Duration.ofSeconds(30)).until(x -> {
            Object step = LabChromium.js(x, "return document.body.getAttribute('data-step')");
            return step != null && step.equals(LabChromium.js(x, "return document.body.getAttribute('data-theory-step')"));
        });
        assertEquals(status, LabChromium.js(phone, "return document.body.getAttribute('data-theory-status')"));
        Number overflow = (Number) LabChromium.js(phone, "var w = document.querySelector('#tab-theory .table-wrap');"
                + " return w.scrollWidth - w.clientWidth");
        assertEquals(0, overflow.intValue(), "the theory table is wider than a phone");
        LabChromium.js(phone, "document.getElementById('theory-verdict').scrollIntoView({block: 'start'})");
        LabChromium.shot(phone, shot);
    }

    // ---- the sentence under the network ----

    static final String LETTERS = "model=idp&n=100&p=3&mem=glyphs&chars=AXO&noise=0&t=10";

    static String partialA() {
        double[] a = MemorySet.glyphs("A", 1).memory(0);
        Arrays.fill(a, 70, 100, -1.0);
        return PatternCodec.encode(new double[][] {a});
    }

    @Test
    void theCueIsCreditedOnlyWhenTheCueBroughtTheStateThere() {
        open(LETTERS + "&in=0:p&x0=drawn&cuepat=" + partialA());
        LabChromium.async(lab.browser, "hopfieldLab.runToEnd()");
        assertTrue(text("thinks-0").startsWith("completes the drawn cue to ξ1"), text("thinks-0"));
        assertEquals("COMPLETES_CUE:1", js("return document.body.getAttribute('data-recall')"));
        // the same cue, then a window that stores only O: the network ends in O because of the input, not the cue
        open(LETTERS + "&in=0:p,3:w0_0_3&x0=drawn&cuepat=" + partialA());
        LabChromium.async(lab.browser, "hopfieldLab.runToEnd()");
        assertEquals("3", js("return document.body.getAttribute('data-best')"));
        assertTrue(text("thinks-0").startsWith("recalls ξ3"), text("thinks-0"));
        assertFalse(text("thinks-0").contains("cue"), text("thinks-0"));
    }

    // ---- links: compare mode and the checksum ----

    @Test
    void compareModeIsKeptInTheLinkAndReopensSideBySide() {
        open("preset=energy");
        lab.browser.findElement(By.cssSelector("label.toggle[data-section=compare]")).click();
        new WebDriverWait(lab.browser, Duration.ofSeconds(20)).until(x -> js("return hopfieldLab.compareFrame()") != null);
        assertTrue(((String) js("return location.search")).contains("view=compare"), (String) js("return location.search"));
        lab.browser.findElement(By.id("copy-link")).click();
        String link = (String) js("return document.body.getAttribute('data-link')");
        assertTrue(link.contains("view=compare"), link);
        lab.browser.get(link);
        LabChromium.open(lab.browser, link);
        assertTrue(lab.browser.findElement(By.id("compare")).isSelected(), "the link reopens in compare mode");
        assertTrue(lab.browser.findElement(By.id("pic-1")).isDisplayed());
        lab.browser.findElement(By.cssSelector("label.toggle[data-section=compare]")).click();
        new WebDriverWait(lab.browser, Duration.ofSeconds(20)).until(x -> !((String) js("return location.search"))
                .contains("view=compare"));
    }

    @Test
    void theChecksumIsInThePageAndCopyable() {
        String energy = Presets.get("energy").spec().toString();
        open("preset=energy");
        String end = LabChromium.async(lab.browser, "hopfieldLab.runToEnd()");
        String checksum = LabChromium.field(end, "checksum");
        assertEquals(LabBrowserIT.jvmChecksum(energy), checksum);
        WebElement shown = lab.browser.findElement(By.id("checksum-value"));
        assertTrue(shown.isDisplayed());
        assertEquals(checksum, shown.getText(), "the page shows the run's checksum");
        lab.browser.findElement(By.id("checksum")).click();
        String copied = (String) js("return document.body.getAttribute('data-copied')");
        assertEquals("checksum " + checksum + " at step 2000 (t = 20)", copied);
    }

    // ---- texts ----

    @Test
    void thePresetDescriptionIsReadableInFull() {
        for (String name : new String[] {"modern", "letters-cue"}) {
            open("preset=" + name);
            WebElement desc = lab.browser.findElement(By.id("preset-desc"));
            assertEquals(Presets.get(name).description(), desc.getText(), "the whole description, no ellipsis");
            Number clipped = (Number) js("var d = document.getElementById('preset-desc');"
                    + " return Math.max(d.scrollWidth - d.clientWidth, d.scrollHeight - d.clientHeight)");
            assertTrue(clipped.intValue() <= 1, name + ": the description is clipped by " + clipped + " px");
            assertFalse("ellipsis".equals(desc.getCssValue("text-overflow")));
        }
    }

    @Test
    void inputWeightsAxisReadsPlainNumbersWhenTheInputIsOff() {
        open("model=classic&n=256&p=3&noise=0&t=5&in=0:off");
        LabChromium.async(lab.browser, "hopfieldLab.runTo(100)");
        String axis = (String) js("return document.getElementById('bars').getAttribute('data-axis')");
        assertEquals("1 0.5 0", axis, "a 0..1 axis when every weight is 0 (it read .0e-9)");
        assertTrue(text("bars-title").startsWith("Input weights"), text("bars-title"));
    }

    @Test
    void csvAndJsonHoldTheCoresExactValues() throws IOException {
        open("preset=energy");
        LabChromium.async(lab.browser, "hopfieldLab.runToEnd()");
        List<String> lines = Files.readAllLines(lab.export("csv", ".csv"),
                StandardCharsets.UTF_8);
        String[] last = lines.get(lines.size() - 1).split(",");
        // exactly the doubles of the last frame (float32 storage printed 0.99999994039… for 0.9999999999…)
        for (int mu = 0; mu < 2; mu++) {
            double page = ((Number) js("return hopfieldLab.frame().overlaps[arguments[0]]", mu)).doubleValue();
            assertEquals(page, Double.parseDouble(last[3 + mu]), 0.0, "m" + (mu + 1));
            assertEquals(jsShortest(page), last[3 + mu], "printed as the shortest text that reads back exactly");
        }
        // and the values are the JVM's: the final overlaps of the same run
        Simulation sim = new Simulation(SpecCodec.parse(Presets.get("energy").spec().toString()), 0);
        sim.advance(Integer.MAX_VALUE);
        double[] m = new double[2];
        sim.overlaps(m);
        assertEquals(m[0], Double.parseDouble(last[3]), 0.0);
        assertEquals(m[1], Double.parseDouble(last[4]), 0.0);
    }

    /** JavaScript's Number → String for a double (the shortest round-trip digits), asked of the page itself. */
    static String jsShortest(double v) {
        return (String) js("return String(arguments[0])", v);
    }

    @Test
    void chartExportsHaveATitleAxisLabelsAndALegend() throws IOException {
        open("preset=energy");
        LabChromium.async(lab.browser, "hopfieldLab.runToEnd()");
        String svg = Files.readString(lab.export("overlap-svg", "-overlaps.svg"));
        assertTrue(svg.contains("Overlaps m_μ(t) — IDP") && svg.contains(">time t<") && svg.contains(">overlap m_μ<"), svg);
        String legend = svg.substring(svg.indexOf("<g class=\"legend\">"));
        assertTrue(legend.contains(">ξ1<") && legend.contains(">ξ2<") && legend.contains(">threshold 0.9<"), legend);
        String energySvg = Files.readString(lab.export("energy-svg", "-energy.svg"));
        assertTrue(energySvg.contains("<g class=\"legend\">") && energySvg.contains(">IDP<"), energySvg);
        // the PNG: larger than the chart (title, labels and legend around it); the legend rows hold ξ1's colour
        Path png = lab.export("overlap-png", "-overlap.png");
        java.awt.image.BufferedImage img = javax.imageio.ImageIO.read(png.toFile());
        Number chartH = (Number) js("return document.querySelector('#overlap-plot canvas').height");
        assertTrue(img.getHeight() > chartH.intValue() + 60, "room for title, axis label and legend: " + img.getHeight());
        boolean legendColour = false;
        for (int y = img.getHeight() - 40; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth() / 2; x++) {
                int rgb = img.getRGB(x, y) & 0xffffff;
                legendColour |= Math.abs((rgb >> 16) - 0x00) < 20 && Math.abs(((rgb >> 8) & 255) - 0x72) < 20
                        && Math.abs((rgb & 255) - 0xB2) < 20;
            }
        }
        assertTrue(legendColour, "ξ1's colour #0072B2 in the legend at the bottom of the PNG");
        LabChromium.shot(lab.browser, "desktop-1280-exports-source");
        Files.copy(png, LabChromium.SHOTS.resolve("export-overlap.png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void fromDiskNoManifestIsRequestedOverHttpItIs() {
        LabChromium.open(lab.browser, LabChromium.LAB.resolve("index.html").toUri() + "?preset=energy");
        assertNull(js("return document.querySelector('link[rel=manifest]')"), "no manifest link from file://");
        List<LogEntry> logs = lab.browser.manage().logs().get(LogType.BROWSER).getAll();
        for (LogEntry e : logs) {
            assertFalse(e.getMessage().toLowerCase().contains("manifest"), "console: " + e.getMessage());
        }
        open("preset=energy");
        assertNotNull(js("return document.querySelector('link[rel=manifest]')"), "installable over http");
    }

    // ---- the natural view of a preset ----

    @Test
    void choosingTheEnergyPresetOpensItsLandscape() {
        open("preset=sequence");
        assertFalse(lab.browser.findElement(By.id("tab-theory")).getAttribute("hidden") != null, "theory first");
        new Select(lab.browser.findElement(By.id("preset"))).selectByValue("energy");
        LabChromium.async(lab.browser, "hopfieldLab.settled()");
        assertEquals(Presets.get("energy").spec().toString(), spec());
        assertTrue(lab.browser.findElement(By.id("tab-landscape")).isDisplayed(), "the energy preset opens its landscape");
        assertTrue(lab.browser.findElement(By.id("tab-theory")).getAttribute("hidden") != null);
        new Select(lab.browser.findElement(By.id("preset"))).selectByValue("thresholds");
        LabChromium.async(lab.browser, "hopfieldLab.settled()");
        assertTrue(lab.browser.findElement(By.id("tab-theory")).isDisplayed(), "and the thresholds preset its theory");
    }

    // ---- locks hold on every path, and say why ----

    /** A lock note (neutral, not an error) is visible and names the key; the spec did not change. */
    static void refusedPolitely(String before, String mustMention) {
        assertEquals(before, spec(), "a locked key changed");
        List<WebElement> notes = lab.browser.findElements(By.cssSelector(".lock-note, #notice.info"));
        assertFalse(notes.isEmpty(), "no message");
        String all = notes.stream().filter(WebElement::isDisplayed).map(WebElement::getText).reduce("", String::concat);
        assertTrue(all.contains("locked in this exercise") && all.contains(mustMention), all);
        assertTrue(lab.browser.findElements(By.cssSelector(".field-error")).isEmpty(), "a lock is not shown as an error");
    }

    @Test
    void theSpecBoxCannotChangeALockedKey() {
        open("preset=energy&lock=model");
        String before = spec();
        lab.browser.findElement(By.cssSelector("[data-section=spec] summary")).click();
        WebElement box = lab.browser.findElement(By.id("spec-text"));
        box.clear();
        box.sendKeys(before.replace("model=idp", "model=classic").replace("noise=0.5", "noise=1"), Keys.ENTER);
        refusedPolitely(before, "Model");
        // an edit of a key that is not locked still works
        box.clear();
        box.sendKeys(before.replace("noise=0.5", "noise=1"), Keys.ENTER);
        LabChromium.async(lab.browser, "hopfieldLab.settled()");
        assertTrue(spec().contains("noise=1&"), spec());
    }

    @Test
    void thePresetMenuCannotChangeALockedKey() throws IOException {
        open("preset=sequence&lock=model");
        String before = spec();
        new Select(lab.browser.findElement(By.id("preset"))).selectByValue("classic-constant");
        LabChromium.async(lab.browser, "hopfieldLab.settled()");
        refusedPolitely(before, "Model");
        assertEquals("sequence", new Select(lab.browser.findElement(By.id("preset"))).getFirstSelectedOption()
                .getAttribute("value"), "the menu shows the experiment that runs");
        LabChromium.shot(lab.browser, "desktop-1280-lock-preset");
    }

    @Test
    void addWindowCannotChangeALockedSchedule() {
        open("preset=energy&lock=in");
        String before = spec();
        lab.browser.findElement(By.id("add-window")).click();
        refusedPolitely(before, "(in)");
        // unlocked, the same button adds a window
        open("preset=energy");
        lab.browser.findElement(By.id("add-window")).click();
        LabChromium.async(lab.browser, "hopfieldLab.settled()");
        // the core's "+ window": halfway from the last window to the end, the next memory
        assertEquals(SpecCodec.format(ScheduleEdit.add(Presets.get("energy").spec(), Double.NaN, "")), spec());
    }

    @Test
    void switchChipsAndMemoryTilesExplainALockInsteadOfDoingNothing() throws IOException {
        open("preset=sequence&lock=switch");
        LabChromium.async(lab.browser, "hopfieldLab.runTo(100)");
        String before = spec();
        lab.browser.findElement(By.cssSelector("#switch-buttons [data-what=d2]")).click();
        LabChromium.async(lab.browser, "hopfieldLab.settled()");
        assertEquals(before, spec());
        String note = lab.browser.findElement(By.cssSelector("[data-section=input] .lock-note")).getText();
        assertTrue(note.contains("Switching the input is locked in this exercise"), note);
        js("document.querySelector('.lock-note').scrollIntoView({block: 'center'})");
        LabChromium.shot(lab.browser, "desktop-1280-lock-chip");
        // the memory tiles switch the input too: locked with the schedule (lock=input locks the whole panel)
        open("preset=sequence&lock=input");
        LabChromium.async(lab.browser, "hopfieldLab.runTo(100)");
        before = spec();
        lab.browser.findElements(By.cssSelector("#gallery .mem")).get(2).click();
        LabChromium.async(lab.browser, "hopfieldLab.settled()");
        assertEquals(before, spec());
        String tileNote = lab.browser.findElement(By.cssSelector("#gallery")).findElement(By.xpath("..")).getText();
        assertTrue(tileNote.contains("Switching the input is locked in this exercise") && tileNote.contains("memory"), tileNote);
        // without a lock the tile switches the input at the current step
        open("preset=sequence");
        LabChromium.async(lab.browser, "hopfieldLab.runTo(100)");   // pauses (the page may have played past 100)
        String at = (String) js("return String(Number((hopfieldLab.frame().step * 0.01).toFixed(6)))");
        lab.browser.findElements(By.cssSelector("#gallery .mem")).get(2).click();
        new WebDriverWait(lab.browser, Duration.ofSeconds(20)).until(x -> spec().contains("in=0:d1," + at + ":d3&"));
    }
}
