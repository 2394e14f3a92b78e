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
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.hopfieldlab.sim.spec.Presets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Features of the page driven like a user would in real headless Chromium: the export menu (files read back from
 * Chromium's download folder), drawing memories with the pointer, and teacher-mode locks.
 */
class LabFeaturesIT {
    static final Path LAB = LabBrowserIT.LAB;
    static final String ENERGY = Presets.get("energy").spec().toString();

    static StaticServer server;
    static ChromeDriver browser;
    static Path downloads;

    @BeforeAll
    static void start() throws IOException {
        Files.createDirectories(LabBrowserIT.SHOTS);
        server = new StaticServer(LAB);
        downloads = Files.createTempDirectory("lab-downloads-");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        ChromeOptions o = new ChromeOptions();
        o.setBinary("/usr/bin/chromium");
        o.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--hide-scrollbars", "--user-data-dir=" + Files.createTempDirectory("lab-chromium-"),
                "--window-size=1400,900");
        o.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                "download.prompt_for_download", false,
                "profile.default_content_setting_values.automatic_downloads", 1));
        browser = new ChromeDriver(service, o);
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(120));
        browser.executeCdpCommand("Browser.setDownloadBehavior", Map.of("behavior", "allow",
                "downloadPath", downloads.toString()));
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.close();
        }
    }

    @BeforeEach
    void emptyDownloads() throws IOException {
        try (Stream<Path> files = Files.list(downloads)) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        }
    }

    /** Clicks an entry of the Export menu and returns the file Chromium saved. */
    static Path export(String kind, String suffix) throws IOException {
        browser.findElement(By.cssSelector("[data-section=export] summary")).click();
        browser.findElement(By.cssSelector("[data-export='" + kind + "']")).click();
        Path[] found = new Path[1];
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(x -> {
            try (Stream<Path> files = Files.list(downloads)) {
                found[0] = files.filter(f -> f.toString().endsWith(suffix)).findFirst().orElse(null);
                return found[0] != null && Files.size(found[0]) > 0;
            } catch (IOException e) {
                return false;
            }
        });
        return found[0];
    }

    static Object js(String script, Object... args) {
        return LabBrowserIT.js(browser, script, args);
    }

    static void openFinished(String query) {
        LabBrowserIT.open(browser, server.url("index.html?" + query));
        LabBrowserIT.async(browser, "hopfieldLab.runToEnd()");
    }

    @Test
    void csvExportHasAHeaderAndOneRowPerSample() throws IOException {
        openFinished("preset=energy");
        List<String> lines = Files.readAllLines(export("csv", ".csv"), StandardCharsets.UTF_8);
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
        JsonNode run = new ObjectMapper().readTree(Files.readString(export("json", ".json"), StandardCharsets.UTF_8));
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
            byte[] png = Files.readAllBytes(export(kind[0], kind[1]));
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
        LabBrowserIT.open(browser, server.url("index.html?preset=energy"));
        browser.findElement(By.id("open-draw")).click();
        browser.findElement(By.id("draw-use")).click();   // the starter shapes, undrawn
        LabBrowserIT.async(browser, "hopfieldLab.settled()");
        String before = (String) js("return hopfieldLab.spec()");
        assertTrue(before.contains("mem=custom") && before.contains("pat="), before);
        String thumb1 = thumbnail(0), thumb2 = thumbnail(1);

        browser.findElement(By.id("open-draw")).click();
        WebElement grid = browser.findElement(By.id("draw-canvas"));
        String editor = (String) js("return arguments[0].toDataURL()", grid);
        int w = grid.getRect().getWidth(), cell = w / 16;
        // a stroke along the second row, left to right, in big jumps (the page fills the cells in between)
        new Actions(browser).moveToElement(grid, -w / 2 + cell * 3 / 2, -w / 2 + cell * 3 / 2).clickAndHold()
                .moveByOffset(cell * 6, 0).moveByOffset(cell * 6, 0).release().perform();
        assertNotEquals(editor, js("return arguments[0].toDataURL()", grid), "the stroke shows on the grid");
        LabBrowserIT.shot(browser, "desktop-draw-dialog");
        browser.findElement(By.id("draw-use")).click();
        LabBrowserIT.async(browser, "hopfieldLab.settled()");
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

    @Test
    void teacherLockFreezesTheModelSwitch() {
        LabBrowserIT.open(browser, server.url("index.html?preset=energy&lock=model"));
        List<WebElement> buttons = browser.findElements(By.cssSelector(".model-switch button"));
        assertEquals(4, buttons.size());
        for (WebElement b : buttons) {
            assertFalse(b.isEnabled(), b.getText() + " is locked");
        }
        js("document.querySelector('.model-switch [data-model=classic]').click()");
        LabBrowserIT.async(browser, "hopfieldLab.settled()");
        assertTrue(((String) js("return hopfieldLab.spec()")).contains("model=idp"), "the model stays");
        browser.findElement(By.id("copy-link")).click();
        assertTrue(((String) js("return document.body.getAttribute('data-link')")).contains("lock=model"),
                "a copied link keeps the lock");

        LabBrowserIT.open(browser, server.url("index.html?preset=energy"));
        browser.findElement(By.cssSelector(".model-switch [data-model=classic]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(x -> String.valueOf(js("return hopfieldLab.spec()"))
                .contains("model=classic"));
    }
}
