package org.hopfieldlab.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.hopfieldlab.sim.memory.MemorySet;
import org.hopfieldlab.sim.spec.PatternCodec;
import org.hopfieldlab.sim.spec.Presets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Features of the page driven like a user would in real headless Chromium: the export menu (files read back from
 * Chromium's download folder), drawing memories with the pointer, and teacher-mode locks.
 */
class LabFeaturesIT {
    static final Path LAB = LabChromium.LAB;
    static final String ENERGY = Presets.get("energy").spec().toString();

    @RegisterExtension
    static final LabChromium lab = new LabChromium(1400, 900).withDownloads()
            .withScriptTimeout(Duration.ofSeconds(120));

    static Object js(String script, Object... args) {
        return LabChromium.js(lab.browser, script, args);
    }

    static void openFinished(String query) {
        LabChromium.open(lab.browser, lab.url("index.html?" + query));
        LabChromium.async(lab.browser, "hopfieldLab.runToEnd()");
    }

    @Test
    void csvExportHasAHeaderAndOneRowPerSample() throws IOException {
        openFinished("preset=energy");
        List<String> lines = Files.readAllLines(lab.export("csv", ".csv"), StandardCharsets.UTF_8);
        assertEquals("# " + ENERGY, lines.get(0), "the first line names the run");
        assertEquals("t,window,dominant,m1,m2,energy", lines.get(1));
        long samples = ((Number) js("return hopfieldLab.samples()")).longValue();
        assertTrue(samples > 100, "samples " + samples);
        assertEquals(samples, lines.size() - 2, "one row per sample");
        for (String row : lines.subList(2, lines.size())) {
            assertEquals(6, row.split(",", -1).length, row);
        }
        String[] last = lines.get(lines.size() - 1).split(",");
        assertEquals(20.0, Double.parseDouble(last[0]), 1e-9, "the last sample is at T");
        double m2 = ((Number) js("return hopfieldLab.frame().overlaps[1]")).doubleValue();
        assertEquals(m2, Double.parseDouble(last[4]), 1e-6, "the last row holds the final overlaps");
    }

    @Test
    void jsonExportParsesAndHoldsTheCanonicalSpec() throws IOException {
        openFinished("preset=energy");
        JsonNode run = new ObjectMapper().readTree(Files.readString(lab.export("json", ".json"), StandardCharsets.UTF_8));
        assertEquals(ENERGY, run.get("spec").asText());
        assertTrue(run.get("link").asText().endsWith("?" + ENERGY), run.get("link").asText());
        assertEquals(js("return hopfieldLab.frame().checksum"), run.get("checksum").asText());
        assertEquals(((Number) js("return hopfieldLab.samples()")).intValue(), run.get("samples").size());
        assertEquals(2, run.get("samples").get(0).get("overlaps").size());
    }

    @Test
    void pngExportsAreValidPictures() throws IOException {
        openFinished("preset=energy");
        for (String[] kind : new String[][] {{"overlap-png", "-overlap.png"}, {"state-png", "-state.png"}}) {
            byte[] png = Files.readAllBytes(lab.export(kind[0], kind[1]));
            assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10}, Arrays.copyOf(png, 8), kind[0]);
            BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
            assertNotNull(img, kind[0] + " decodes");
            assertTrue(img.getWidth() >= 100 && img.getHeight() >= 100, kind[0] + " " + img.getWidth() + "×" + img.getHeight());
            Set<Integer> colours = new HashSet<>();
            for (int y = 0; y < img.getHeight(); y += 3) {
                for (int x = 0; x < img.getWidth(); x += 3) {
                    colours.add(img.getRGB(x, y));
                }
            }
            // the chart has axes, grid and lines; a converged network picture is ink and paper
            assertTrue(colours.size() >= (kind[0].startsWith("state") ? 2 : 5), kind[0] + " has content, colours " + colours.size());
        }
    }

    @Test
    void drawingOnTheGridChangesTheMemories() throws IOException {
        LabChromium.open(lab.browser, lab.url("index.html?preset=energy"));
        lab.browser.findElement(By.id("open-draw")).click();
        lab.browser.findElement(By.id("draw-use")).click();   // the starter shapes, undrawn
        LabChromium.async(lab.browser, "hopfieldLab.settled()");
        String before = (String) js("return hopfieldLab.spec()");
        assertTrue(before.contains("mem=custom") && before.contains("pat="), before);
        String thumb1 = thumbnail(0), thumb2 = thumbnail(1);

        lab.browser.findElement(By.id("open-draw")).click();
        WebElement grid = lab.browser.findElement(By.id("draw-canvas"));
        String editor = (String) js("return arguments[0].toDataURL()", grid);
        int w = grid.getRect().getWidth(), cell = w / 16;
        // a stroke along the second row, left to right, in big jumps (the page fills the cells in between)
        new Actions(lab.browser).moveToElement(grid, -w / 2 + cell * 3 / 2, -w / 2 + cell * 3 / 2).clickAndHold()
                .moveByOffset(cell * 6, 0).moveByOffset(cell * 6, 0).release().perform();
        assertNotEquals(editor, js("return arguments[0].toDataURL()", grid), "the stroke shows on the grid");
        LabChromium.shot(lab.browser, "desktop-draw-dialog");
        lab.browser.findElement(By.id("draw-use")).click();
        LabChromium.async(lab.browser, "hopfieldLab.settled()");
        String after = (String) js("return hopfieldLab.spec()");
        assertNotEquals(pat(before), pat(after), "the drawing changes pat=");
        assertEquals(before.replace(pat(before), ""), after.replace(pat(after), ""), "and nothing else");
        assertNotEquals(thumb1, thumbnail(0), "memory 1's picture changes");
        assertEquals(thumb2, thumbnail(1), "memory 2's does not");
    }

    String thumbnail(int mu) {
        return (String) js("return document.querySelectorAll('#gallery canvas')[arguments[0]].toDataURL()", mu);
    }

    static String pat(String spec) {
        return Arrays.stream(spec.split("&")).filter(s -> s.startsWith("pat=")).findFirst().orElseThrow();
    }

    /** Letters A, X, O on 10 × 10 pixels, no noise, input off: no memory is asked for. */
    static final String GLYPHS = "model=idp&n=100&p=3&mem=glyphs&chars=AXO&noise=0&t=5&in=0:off";

    /**
     * The cue dialog: start from ξ1 (the letter A), erase its bottom three rows with real pointer strokes, use it
     * as start state and input; the network completes the A.
     */
    @Test
    void drawnCueIsCompletedByTheNetwork() throws IOException {
        // slow: further down it stops at step 200 with runTo, which the auto-playing page must not have passed
        LabChromium.open(lab.browser, lab.url("index.html?" + GLYPHS + LabChromium.SLOW));
        assertFalse(((String) js("return hopfieldLab.spec()")).contains("cuepat="), "no cue yet");
        drawPartialA(lab.browser, "desktop");
        LabChromium.async(lab.browser, "hopfieldLab.settled()");
        String spec = (String) js("return hopfieldLab.spec()");
        assertTrue(spec.contains("x0=drawn"), spec);
        assertTrue(spec.contains("&in=0:p&"), "the cue is fed as input too: " + spec);
        assertEquals("cuepat=" + partialA(), Arrays.stream(spec.split("&")).filter(s -> s.startsWith("cuepat="))
                .findFirst().orElseThrow(), "the strokes erased exactly the bottom three rows of the A");
        assertEquals("p", js("return document.querySelector('#schedule .w-kind').value"), "the schedule editor shows the drawn-cue window");
        assertEquals("drawn cue", js("var s = document.querySelector('#schedule .w-kind');"
                + " return s.options[s.selectedIndex].text"), "the schedule editor shows the drawn-cue window");
        assertEquals(1L, js("return document.querySelectorAll('#switch-buttons [data-what=p]').length"),
                "a switch-now chip for the drawn cue");

        LabChromium.async(lab.browser, "hopfieldLab.runToEnd()");
        double shown = Double.parseDouble((String) js("return document.querySelector('#gallery .mem b').textContent"));
        assertTrue(shown > 0.9, "the page's overlap of memory 1 at the end: " + shown);
        double m1 = ((Number) js("return hopfieldLab.frame().overlaps[0]")).doubleValue();
        assertTrue(m1 > 0.9, "m1 " + m1);
        assertEquals("1", js("return document.body.getAttribute('data-best')"));
        assertTrue(((String) js("return document.getElementById('thinks-0').textContent")).startsWith("completes the drawn cue to ξ1"));
        assertTrue(lab.browser.findElement(By.id("cue-key")).isDisplayed(), "the cue is shown next to the network");
        js("window.scrollTo(0, 0)");
        LabChromium.shot(lab.browser, "desktop-cue-result");

        // the cue stays at hand: dropped from the spec when nothing uses it, back with the Drawn start state
        new Select(lab.browser.findElement(By.cssSelector("#schedule .w-kind"))).selectByValue("off");
        lab.browser.findElement(By.cssSelector("[data-key=x0] [data-value=gauss]")).click();
        LabChromium.async(lab.browser, "hopfieldLab.settled()");
        String plain = (String) js("return hopfieldLab.spec()");
        assertFalse(plain.contains("cuepat=") || plain.contains("x0=drawn"), plain);
        lab.browser.findElement(By.cssSelector("[data-key=x0] [data-value=drawn]")).click();
        LabChromium.async(lab.browser, "hopfieldLab.settled()");
        assertTrue(((String) js("return hopfieldLab.spec()")).contains("x0=drawn&cuepat=" + partialA()));
        // and switching to it mid-run appends a window p at the current time
        LabChromium.async(lab.browser, "hopfieldLab.runTo(200)");
        lab.browser.findElement(By.cssSelector("#switch-buttons [data-what=p]")).click();
        LabChromium.async(lab.browser, "hopfieldLab.settled()");
        assertTrue(((String) js("return hopfieldLab.spec()")).contains("&in=0:off,2:p&"), (String) js("return hopfieldLab.spec()"));

        ChromeDriver phone = LabChromium.newBrowser(390, 844);
        try {
            LabChromium.open(phone, lab.url("index.html?" + GLYPHS));
            drawPartialA(phone, "phone");
            LabChromium.async(phone, "hopfieldLab.runToEnd()");
            double phoneM1 = ((Number) LabChromium.js(phone, "return hopfieldLab.frame().overlaps[0]")).doubleValue();
            assertTrue(phoneM1 > 0.9, "phone m1 " + phoneM1);
            LabChromium.js(phone, "window.scrollTo(0, 0)");
            LabChromium.shot(phone, "phone-cue-result");
        } finally {
            phone.quit();
        }
    }

    /** The packed cue the strokes must give: the letter A with rows 8–10 of 10 erased. */
    static String partialA() {
        double[] a = MemorySet.glyphs("A", 1).memory(0);
        Arrays.fill(a, 70, 100, -1.0);
        return PatternCodec.encode(new double[][] {a});
    }

    /** Opens the cue dialog, starts from ξ1, erases the bottom three rows with the pointer, applies. */
    static void drawPartialA(ChromeDriver d, String device) throws IOException {
        d.findElement(By.id("open-cue")).click();
        WebElement grid = d.findElement(By.id("draw-canvas"));
        new WebDriverWait(d, Duration.ofSeconds(10)).until(x -> grid.isDisplayed());
        assertEquals("Draw a cue", d.findElement(By.id("draw-title")).getText());
        d.findElements(By.cssSelector("#draw-list .start-from")).get(1).click();   // blank, ξ1, ξ2, …
        String full = (String) LabChromium.js(d, "return arguments[0].toDataURL()", grid);
        d.findElement(By.cssSelector("#draw-pen [data-pen='-1']")).click();
        LabChromium.js(d, "arguments[0].scrollIntoView({block: 'center'})", grid);
        int w = grid.getRect().getWidth(), cell = w / 10;
        for (int row = 7; row < 10; row++) {
            // left to right across the row, in jumps of three cells (the page fills the cells in between)
            Actions a = new Actions(d).moveToElement(grid, -w / 2 + cell / 2, -w / 2 + cell * row + cell / 2).clickAndHold();
            for (int k = 0; k < 3; k++) {
                a.moveByOffset(cell * 3, 0);
            }
            a.release().perform();
        }
        assertNotEquals(full, LabChromium.js(d, "return arguments[0].toDataURL()", grid), "the strokes show on the grid");
        assertTrue(d.findElement(By.id("cue-as-start")).isSelected(), "start state by default");
        assertTrue(d.findElement(By.id("cue-as-input")).isSelected(), "IDP: also the input by default");
        LabChromium.shot(d, device + "-cue-dialog");
        d.findElement(By.id("draw-use")).click();
        LabChromium.async(d, "hopfieldLab.settled()");
    }

    @Test
    void teacherLockFreezesTheModelSwitch() {
        LabChromium.open(lab.browser, lab.url("index.html?preset=energy&lock=model"));
        List<WebElement> buttons = lab.browser.findElements(By.cssSelector(".model-switch button"));
        assertEquals(4, buttons.size());
        for (WebElement b : buttons) {
            assertFalse(b.isEnabled(), b.getText() + " is locked");
        }
        js("document.querySelector('.model-switch [data-value=classic]').click()");
        LabChromium.async(lab.browser, "hopfieldLab.settled()");
        assertTrue(((String) js("return hopfieldLab.spec()")).contains("model=idp"), "the model stays");
        lab.browser.findElement(By.id("copy-link")).click();
        assertTrue(((String) js("return document.body.getAttribute('data-link')")).contains("lock=model"),
                "a copied link keeps the lock");

        LabChromium.open(lab.browser, lab.url("index.html?preset=energy"));
        lab.browser.findElement(By.cssSelector(".model-switch [data-value=classic]")).click();
        new WebDriverWait(lab.browser, Duration.ofSeconds(20)).until(x -> String.valueOf(js("return hopfieldLab.spec()"))
                .contains("model=classic"));
    }
}
