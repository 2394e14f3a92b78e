package org.hopfieldlab.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.hopfieldlab.web.LabChromium.LAB;
import static org.hopfieldlab.web.LabChromium.SLOW;
import static org.hopfieldlab.web.LabChromium.async;
import static org.hopfieldlab.web.LabChromium.field;
import static org.hopfieldlab.web.LabChromium.js;
import static org.hopfieldlab.web.LabChromium.newBrowser;
import static org.hopfieldlab.web.LabChromium.open;
import static org.hopfieldlab.web.LabChromium.reload;
import static org.hopfieldlab.web.LabChromium.shot;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hopfieldlab.sim.run.Simulation;
import org.hopfieldlab.sim.spec.Presets;
import org.hopfieldlab.sim.spec.SpecCodec;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * End-to-end tests of the in-browser lab in real headless Debian Chromium (Selenium, chromedriver from /usr/bin):
 * the default preset retrieves, share links reproduce runs, malformed links explain themselves, the lab works from
 * disk and offline, the JS and Wasm engines reproduce the JVM's checksums; plus a timing harness (not pass/fail).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LabBrowserIT {
    static final String BENCH_SPEC = "model=idp&n=1024&p=10&noise=8&dt=0.01&t=10&in=0:d1";

    @RegisterExtension
    static final LabChromium lab = new LabChromium(1400, 900);
    static final List<String> benchJson = new ArrayList<>();

    static String jvmChecksum(String spec) {
        Simulation sim = new Simulation(SpecCodec.parse(spec), 0);
        sim.advance(Integer.MAX_VALUE);
        return sim.checksum();
    }

    // 1. The default preset runs and retrieves its dominant memory.
    @Test
    @Order(1)
    void defaultPresetRetrievesTheDominantMemory() throws IOException {
        open(lab.browser, lab.url("index.html"));
        assertEquals(Presets.get("sequence").spec().toString(), js(lab.browser, "return hopfieldLab.spec()"));
        shot(lab.browser, "desktop-default-running");
        String end = async(lab.browser, "hopfieldLab.runToEnd()");
        assertEquals("true", field(end, "finished"), end);
        double dominant = ((Number) js(lab.browser, "return hopfieldLab.maxDominantOverlap()")).doubleValue();
        assertTrue(dominant > 0.9, "dominant overlap " + dominant);
        double last = Double.parseDouble((String) js(lab.browser, "return document.body.getAttribute('data-dominant-overlap')"));
        assertTrue(last > 0.9, "final dominant overlap " + last);
        assertEquals(jvmChecksum(Presets.get("sequence").spec().toString()), field(end, "checksum"),
                "the page's final state must be the JVM's, bit for bit");
        assertEquals("wasm", js(lab.browser, "return hopfieldLab.engine()"), "Chromium supports Wasm GC: the page uses it");
        js(lab.browser, "window.scrollTo(0, 0)");
        shot(lab.browser, "desktop-default-finished");
    }

    // 2. A share link (with an input switched mid-run) reopened in a fresh browser gives the same final checksum.
    @Test
    @Order(2)
    void shareLinkReproducesTheRunInAFreshBrowser() throws IOException {
        String spec = "model=idp&n=256&p=4&noise=4&dt=0.01&t=8&in=0:d1&seed=7";
        open(lab.browser, lab.url("index.html?" + spec + SLOW));
        async(lab.browser, "hopfieldLab.runTo(300)");
        js(lab.browser, "hopfieldLab.switchInput('d3')");
        new WebDriverWait(lab.browser, Duration.ofSeconds(30)).until(x -> String.valueOf(js(x, "return hopfieldLab.spec()"))
                .contains("3:d3"));
        String switched = (String) js(lab.browser, "return hopfieldLab.spec()");
        assertTrue(switched.contains("in=0:d1,3:d3"), switched);
        assertEquals("300", field(async(lab.browser, "hopfieldLab.frame()"), "step"), "fast-forwarded to the switch");
        String end = async(lab.browser, "hopfieldLab.runToEnd()");
        String checksum = field(end, "checksum");
        assertEquals(jvmChecksum(switched), checksum, "switching mid-run equals a fresh run of the new spec");
        lab.browser.findElement(By.id("copy-link")).click();
        String link = (String) js(lab.browser, "return document.body.getAttribute('data-link')");
        assertNotNull(link);
        assertTrue(link.contains(switched), link);

        ChromeDriver fresh = newBrowser(1400, 900);
        try {
            open(fresh, link);
            assertEquals(switched, js(fresh, "return hopfieldLab.spec()"));
            String again = async(fresh, "hopfieldLab.runToEnd()");
            assertEquals(checksum, field(again, "checksum"), "the share link reproduces the run exactly");
        } finally {
            fresh.quit();
        }
    }

    // 3. Malformed and outdated links explain what went wrong and what was kept.
    @Test
    @Order(3)
    void malformedLinkShowsAClearMessage() throws IOException {
        open(lab.browser, lab.url("index.html?v=1&n=abc&noise=3&p=5"));
        WebElement notice = lab.browser.findElement(By.id("notice"));
        assertTrue(notice.isDisplayed());
        String text = notice.getText();
        assertTrue(text.contains("n = 'abc' is not a whole number"), text);
        assertTrue(text.contains("kept") && text.contains("noise"), text);
        String spec = (String) js(lab.browser, "return hopfieldLab.spec()");
        assertTrue(spec.contains("noise=3") && spec.contains("p=5") && spec.contains("n=1024"), spec);
        js(lab.browser, "window.scrollTo(0, 0)");
        shot(lab.browser, "desktop-malformed-link");

        open(lab.browser, lab.url("index.html?v=9&model=idp"));
        String outdated = lab.browser.findElement(By.id("notice")).getText();
        assertTrue(outdated.contains("version 9"), outdated);

        open(lab.browser, lab.url("index.html?model=quantum&in=zzz"));
        String both = lab.browser.findElement(By.id("notice")).getText();
        assertTrue(both.contains("model") && both.contains("in"), both);
        assertEquals(Presets.get("sequence").spec().toString(), js(lab.browser, "return hopfieldLab.spec()"));
    }

    // 4a. Opened from disk (file://): classic scripts, the JS engine on the main thread, same bits.
    @Test
    @Order(4)
    void worksFromDiskWithoutAServer() throws IOException {
        String spec = Presets.get("energy").spec().toString();
        open(lab.browser, LAB.resolve("index.html").toUri() + "?" + spec);
        assertEquals("js", js(lab.browser, "return hopfieldLab.engine()"));
        assertEquals("main-thread", js(lab.browser, "return document.body.getAttribute('data-engine-kind')"));
        String end = async(lab.browser, "hopfieldLab.runToEnd()");
        assertEquals(jvmChecksum(spec), field(end, "checksum"));
        js(lab.browser, "window.scrollTo(0, 0)");
        shot(lab.browser, "desktop-file-url-energy");
    }

    // 4b. After one visit, the service worker serves the whole lab with the server gone.
    @Test
    @Order(5)
    void worksOfflineThroughTheServiceWorker() throws IOException {
        ChromeDriver d = newBrowser(1400, 900);
        StaticServer own = new StaticServer(LAB);
        try {
            String url = own.url("index.html?preset=glitch");
            open(d, url);
            String ready = async(d, "navigator.serviceWorker.ready.then(function (r) { return { active: !!r.active }; })");
            assertTrue(ready.contains("true"), ready);
            new WebDriverWait(d, Duration.ofSeconds(20)).until(x -> Boolean.TRUE.equals(
                    js(x, "return !!navigator.serviceWorker.controller")) || reload(x));
            own.close();
            d.navigate().refresh();
            open(d, url);
            String end = async(d, "hopfieldLab.runToEnd()");
            assertEquals("true", field(end, "finished"), end);
            assertEquals("wasm", js(d, "return hopfieldLab.engine()"), "the Wasm module also comes from the cache");
            shot(d, "desktop-offline-glitch");
        } finally {
            d.quit();
            own.close();
        }
    }

    // 5. Determinism: both engines in Chromium reproduce the golden (JVM) checksums.
    @Test
    @Order(6)
    void jsAndWasmReproduceTheGoldenChecksums() throws IOException {
        Path golden = Path.of(System.getProperty("golden.file",
                "../simulator/src/test/resources/golden-checksums.tsv"));
        List<String[]> cases = new ArrayList<>();
        for (String line : Files.readAllLines(golden, StandardCharsets.UTF_8)) {
            if (!line.isBlank() && !line.startsWith("#")) {
                cases.add(line.split("\t"));
            }
        }
        assertFalse(cases.isEmpty(), "no cases in " + golden);
        open(lab.browser, lab.url("index.html?preset=energy"));
        int failures = 0;
        StringBuilder report = new StringBuilder();
        for (String[] c : cases) {
            for (String engine : new String[] {"js", "wasm"}) {
                String r = async(lab.browser, "hopfieldLab.call({cmd: 'runChecksum', engine: '" + engine + "', spec: "
                        + quote(c[0]) + ", trial: " + Integer.parseInt(c[1].trim()) + "})");
                String got = field(r, "checksum");
                boolean ok = got.equals(c[2].trim());
                failures += ok ? 0 : 1;
                report.append(ok ? "ok   " : "FAIL ").append(engine).append(' ').append(got).append(" (JVM ")
                        .append(c[2].trim()).append(") ").append(c[0]).append(" #").append(c[1]).append('\n');
            }
        }
        System.out.print("Chromium golden checksums (" + golden + "):\n" + report);
        assertEquals(0, failures, report.toString());
    }

    static String quote(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    // 6. Timing harness (prints and records, does not judge): one 1000-step IDP run at N = 1024, P = 10, s = 8.
    @Test
    @Order(7)
    void browserBenchmark() throws IOException {
        open(lab.browser, lab.url("index.html?preset=energy"));
        js(lab.browser, "hopfieldLab.pause()");
        for (String engine : new String[] {"js", "wasm"}) {
            String r = async(lab.browser, "hopfieldLab.call({cmd: 'bench', engine: '" + engine + "', spec: '" + BENCH_SPEC
                    + "', warmup: 3, reps: 9})");
            String times = r.substring(r.indexOf('[') + 1, r.indexOf(']'));
            double[] t = Arrays.stream(times.split(",")).mapToDouble(Double::parseDouble).sorted().toArray();
            double median = t[t.length / 2];
            System.out.printf(Locale.ROOT, "browser bench %-4s median %.1f ms (min %.1f, max %.1f) over %d runs%n",
                    engine, median, t[0], t[t.length - 1], t.length);
            benchJson.add(String.format(Locale.ROOT, "\"%s\": {\"medianMs\": %.2f, \"minMs\": %.2f, \"maxMs\": %.2f, "
                    + "\"runs\": %d}", engine, median, t[0], t[t.length - 1], t.length));
        }
        // Frame rate while simulating N = 4096 (64×64 picture), P = 20, from requestAnimationFrame timestamps.
        String big = "model=idp&n=4096&p=20&noise=8&dt=0.01&t=30&in=0:d1,10:d2,20:d3";
        open(lab.browser, lab.url("index.html?" + big + "&speed=3"));
        js(lab.browser, "hopfieldLab.play()");
        String fps = async(lab.browser, "new Promise(function (ok) { var s0 = hopfieldLab.frame().step;"
                + " var n0 = hopfieldLab.fps().length; setTimeout(function () { var f = hopfieldLab.fps().slice(-150);"
                + " f.sort(function (a, b) { return a - b; }); ok({ medianFrameMs: f[Math.floor(f.length / 2)],"
                + " p95FrameMs: f[Math.floor(f.length * 0.95)], frames: f.length,"
                + " stepsPerSecond: (hopfieldLab.frame().step - s0) / 3 }); }, 3000); })");
        System.out.println("browser frame timing at N=4096, P=20, 8 steps/frame: " + fps);
        shot(lab.browser, "desktop-n4096-p20");
        benchJson.add("\"spec\": \"" + BENCH_SPEC + "\"");
        benchJson.add("\"n4096p20\": " + fps);
        Path out = Path.of(System.getProperty("bench.file", "target/browser-bench.json"));
        Files.writeString(out, "{\n  " + String.join(",\n  ", benchJson) + "\n}\n", StandardCharsets.UTF_8);
    }

    // Embedding contract of the server: state messages out, load messages in, relative URLs under any prefix.
    @Test
    @Order(8)
    void embeddedLabTalksToItsParent() {
        lab.server.page("embed/host.html", "<!doctype html><body><iframe id=f style='width:1200px;height:800px'"
                + " src='../index.html?preset=energy'></iframe><script>window.msgs=[];"
                + "addEventListener('message',function(e){msgs.push(e.data)});</script></body>");
        lab.browser.get(lab.url("embed/host.html"));
        String energy = Presets.get("energy").spec().toString();
        new WebDriverWait(lab.browser, Duration.ofSeconds(30)).until(x -> String.valueOf(js(x,
                "return JSON.stringify(window.msgs)")).contains(energy));
        String glitch = Presets.get("glitch").spec().toString();
        js(lab.browser, "document.getElementById('f').contentWindow.postMessage({type: 'hopfield-lab:load', spec: arguments[0]}, '*')",
                glitch);
        new WebDriverWait(lab.browser, Duration.ofSeconds(30)).until(x -> String.valueOf(js(x,
                "var m = window.msgs[window.msgs.length - 1]; return m && m.type + ' ' + m.spec")).equals(
                "hopfield-lab:state " + glitch));
    }

    // The synapse view sorts neurons by the schedule's dominant memories: the dominant memory's blocks carry the
    // contrast, and the contrast moves to the next memory when the input switches.
    @Test
    @Order(9)
    void synapseBlocksFollowTheInput() throws IOException {
        open(lab.browser, lab.url("index.html?preset=sequence&view=synapses" + SLOW));
        async(lab.browser, "hopfieldLab.runTo(900)");
        String first = async(lab.browser, BLOCKS);
        async(lab.browser, "hopfieldLab.runTo(1200)");
        String second = async(lab.browser, BLOCKS);
        double a1 = Double.parseDouble(field(first, "c1")), a2 = Double.parseDouble(field(first, "c2"));
        double b1 = Double.parseDouble(field(second, "c1")), b2 = Double.parseDouble(field(second, "c2"));
        assertEquals("true", field(first, "sorted"), first);
        assertTrue(a1 > a2, "input ξ1: ξ1's blocks have the contrast " + first);
        assertTrue(b2 > b1, "input ξ2: the contrast moves to ξ2's blocks " + second);
        // the contrast of memory K's blocks is its gain: mean of W_ij ξ^K_i ξ^K_j ≈ α_K / N
        assertEquals(Double.parseDouble(field(first, "g1")) / 1024, a1, 0.2 * a1, first);
        assertEquals(Double.parseDouble(field(second, "g2")) / 1024, b2, 0.2 * b2, second);
        js(lab.browser, "window.scrollTo(0, 0)");
    }

    /** Block contrasts of W for the keys ξ1, ξ2: mean of W_ij ξ^k_i ξ^k_j over the sample, and the gains. */
    static final String BLOCKS = "hopfieldLab.call({cmd: 'synapse', slot: 0, size: 256, order: [0, 1]}).then(function (r) {"
            + " var n = r.size, c = [0, 0], sorted = true;"
            + " for (var i = 1; i < n; i++) if (r.groups[i] < r.groups[i - 1]) sorted = false;"
            + " for (var k = 0; k < 2; k++) { var bit = k ? 1 : 2, sum = 0;"
            + "   for (var i = 0; i < n; i++) for (var j = 0; j < n; j++) if (i !== j)"
            + "     sum += r.w[i * n + j] * ((r.groups[i] & bit) ? -1 : 1) * ((r.groups[j] & bit) ? -1 : 1);"
            + "   c[k] = sum / (n * (n - 1)); }"
            + " return { c1: c[0], c2: c[1], g1: r.gains[0], g2: r.gains[1], sorted: sorted }; })";

    // Screenshots of the views, desktop and phone, light and dark (looked at by hand).
    @Test
    @Order(10)
    void screenshotsOfViewsAndPhone() throws IOException {
        open(lab.browser, lab.url("index.html?preset=letters-cue&view=compare"));
        async(lab.browser, "hopfieldLab.runToEnd()");
        js(lab.browser, "window.scrollTo(0, 0)");
        shot(lab.browser, "desktop-compare-letters");
        // synapses before and after the scheduled switch ξ1 → ξ2 at t = 10, and the difference view
        synapsesAcrossTheSwitch(lab.browser, lab.url("index.html?preset=sequence&view=synapses" + SLOW), "desktop");
        js(lab.browser, "hopfieldLab.setSynapseDiff(true)");
        synapseShot(lab.browser, "desktop-synapses-diff", "1,2,3:diff@1");
        js(lab.browser, "hopfieldLab.setSynapseDiff(false)");
        open(lab.browser, lab.url("index.html?preset=glitch&view=synapses&hide=noise,beta&lock=model" + SLOW));
        async(lab.browser, "hopfieldLab.runTo(900)");
        js(lab.browser, "window.scrollTo(0, 400)");
        shot(lab.browser, "desktop-teacher-synapses");
        assertFalse(lab.browser.findElement(By.cssSelector("[data-key=noise]")).isDisplayed(), "hide=noise hides the control");
        dark(lab.browser, true);
        open(lab.browser, lab.url("index.html?preset=energy&view=landscape" + SLOW));
        async(lab.browser, "hopfieldLab.runTo(1400)");
        js(lab.browser, "hopfieldLab.selectTab('landscape')");
        async(lab.browser, "new Promise(function (ok) { setTimeout(ok, 600); })");
        shot(lab.browser, "desktop-dark-landscape");
        open(lab.browser, lab.url("index.html?preset=sequence&view=synapses" + SLOW));
        async(lab.browser, "hopfieldLab.runTo(1300)");
        synapseShot(lab.browser, "desktop-dark-synapses", "1,2,3@1");
        js(lab.browser, "window.scrollTo(0, 0)");
        shot(lab.browser, "desktop-dark-default");
        dark(lab.browser, false);
        ChromeDriver phone = newBrowser(390, 844);
        try {
            open(phone, lab.url("index.html?" + SLOW.substring(1)));
            async(phone, "hopfieldLab.runTo(1500)");
            shot(phone, "phone-default");
            js(phone, "window.scrollTo(0, 900)");
            shot(phone, "phone-plots");
            synapsesAcrossTheSwitch(phone, lab.url("index.html?view=synapses" + SLOW), "phone");
            open(phone, lab.url("index.html?preset=letters-cue&view=compare"));
            async(phone, "hopfieldLab.runToEnd()");
            shot(phone, "phone-compare-letters");
        } finally {
            phone.quit();
        }
    }

    static void dark(ChromeDriver d, boolean on) {
        d.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features",
                List.of(Map.of("name", "prefers-color-scheme", "value", on ? "dark" : "light"))));
    }

    /**
     * The synapse view of the default sequence at {@code url}, before and after its scheduled switch ξ1 → ξ2 at
     * t = 10: screenshots {@code <device>-synapses-before-switch} and {@code <device>-synapses-after-switch}.
     */
    static void synapsesAcrossTheSwitch(WebDriver d, String url, String device) throws IOException {
        open(d, url);
        async(d, "hopfieldLab.runTo(950)");
        synapseShot(d, device + "-synapses-before-switch", "1,2,3@0");
        async(d, "hopfieldLab.runTo(1300)");
        synapseShot(d, device + "-synapses-after-switch", "1,2,3@1");
    }

    /** Waits for the synapse picture of the given state (sorting keys, diff, window), scrolls to it, shoots. */
    static void synapseShot(WebDriver d, String name, String expect) throws IOException {
        new WebDriverWait(d, Duration.ofSeconds(30)).until(x -> expect.equals(js(x, "return document.body.getAttribute('data-syn')")));
        js(d, "document.getElementById('tab-synapses').scrollIntoView({block: 'center'})");
        shot(d, name);
    }
}
