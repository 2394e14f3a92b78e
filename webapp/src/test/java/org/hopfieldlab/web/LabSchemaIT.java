package org.hopfieldlab.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.hopfieldlab.sim.spec.ExperimentSpec;
import org.hopfieldlab.sim.spec.LabLink;
import org.hopfieldlab.sim.spec.Presets;
import org.hopfieldlab.sim.spec.RandomSpecs;
import org.hopfieldlab.sim.spec.SchemaDocs;
import org.hopfieldlab.sim.spec.SpecCodec;
import org.hopfieldlab.sim.spec.SpecEdit;
import org.hopfieldlab.sim.spec.SpecKey;
import org.hopfieldlab.sim.spec.SpecSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The lab builds itself from the core's key table (issue 7), in real headless Chromium: every control's range, step,
 * default, label, help and visibility is the JVM's for several specs whose bounds differ; no spec knowledge sits in
 * the page's HTML or JS; bad links say what is wrong; and the lab's canonical link equals the core's for random specs.
 */
class LabSchemaIT {
    static final ObjectMapper JSON = new ObjectMapper();
    /** Spec keys the panel has no control for, on purpose: the format version, and trials (the lab shows trial 0). */
    static final Set<String> NO_CONTROL = Set.of("v", "trials");

    @RegisterExtension
    static final LabChromium lab = new LabChromium(1280, 800);

    static Object js(String script, Object... args) {
        return LabChromium.js(lab.browser, script, args);
    }

    /** Every generated control as the page shows it: key → {kind, shown, label, help, unit, box, range, choices}. */
    static final String READ_CONTROLS = "var out = {};"
            + "document.querySelectorAll('[data-groups] [data-key]').forEach(function (el) {"
            + " if (!el.closest('[data-groups]') || el.parentNode.closest('[data-key]')) return;"
            + " var k = el.getAttribute('data-key'), box = el.querySelector('[data-control]'), range = el.querySelector('[data-range]');"
            + " var attrs = function (i) { return i ? { min: i.getAttribute('min'), max: i.getAttribute('max'),"
            + "   step: i.getAttribute('step'), value: i.value } : null; };"
            + " var lab = el.querySelector('.label-row label');"
            + " out[k] = { kind: el.getAttribute('data-kind') || 'widget', shown: !el.classList.contains('na'),"
            + "  label: lab ? lab.firstChild.textContent : el.getAttribute('aria-label'),"
            + "  unit: el.querySelector('.unit') ? el.querySelector('.unit').textContent : '',"
            + "  help: el.querySelector('.help-text') ? el.querySelector('.help-text').textContent : el.getAttribute('data-help'),"
            + "  box: attrs(box), range: attrs(range),"
            + "  choices: Array.from(el.querySelectorAll('[data-value]')).map(function (b) {"
            + "   return { value: b.getAttribute('data-value'), label: b.textContent, on: b.classList.contains('on') }; }) };"
            + "}); return JSON.stringify(out);";

    static void load(String query) {
        LabChromium.async(lab.browser, "hopfieldLab.openLink(" + JSON.valueToTree(query) + ", false)");
    }

    // (1) Every control against the JVM's control state, for specs whose ranges and applicability differ.
    @Test
    void everyControlsRangeDefaultAndVisibilityIsTheJvmSchemas() throws IOException {
        LabChromium.open(lab.browser, lab.url("index.html"));
        ExperimentSpec seq = Presets.get("sequence").spec();
        List<ExperimentSpec> specs = List.of(seq,
                SpecEdit.change(seq, "model=modern"),                      // softmax: lambda, gamma
                SpecEdit.change(seq, "model=modern&map=poly&n=100&p=3"),   // poly: deg; p ≤ n = 100
                SpecEdit.change(seq, "model=discrete"),                    // noise ≤ 0, update
                Presets.get("discrete").spec(),                           // glyphs: chars, n = 400
                SpecEdit.change(seq, "x0=cue&p=4&t=25&dt=0.5&pulse=3"),    // cue ≤ p, mask, flip; pulse ≤ t; dt ≥ t/2e6
                Presets.get("letters-cue").spec(),
                Presets.get("energy").spec());
        int compared = 0;
        for (ExperimentSpec spec : specs) {
            String s = SpecCodec.format(spec);
            load(s);
            assertEquals(s, js("return hopfieldLab.spec()"));
            JsonNode page = JSON.readTree((String) js(READ_CONTROLS));
            JsonNode jvm = JSON.readTree(SchemaDocs.controlsJson(spec)).get("keys");
            Set<String> expected = new TreeSet<>();
            for (JsonNode k : jvm) {
                String name = k.get("name").asText();
                if (NO_CONTROL.contains(name)) {
                    assertFalse(page.has(name), name + " has no control in the lab");
                    continue;
                }
                expected.add(name);
                JsonNode c = page.get(name);
                assertTrue(c != null, "no control for spec key " + name + " (" + s + ")");
                compareControl(name, k, c, s);
                compared++;
            }
            Set<String> shownKeys = new TreeSet<>();
            page.fieldNames().forEachRemaining(shownKeys::add);
            assertEquals(expected, shownKeys, "one control per spec key");
        }
        assertTrue(compared >= 8 * 24, "compared " + compared);
    }

    static void compareControl(String name, JsonNode k, JsonNode c, String spec) {
        String where = name + " in " + spec + ": ";
        boolean applies = k.get("applies").asBoolean();
        String kind = c.get("kind").asText();
        if (kind.equals("widget")) {
            // the schedule editor and the drawing buttons stay (drawing is how pat and cuepat come to apply);
            // their behaviour is tested by the feature tests
            assertTrue(c.get("shown").asBoolean(), where + "a widget stays");
            return;
        }
        assertEquals(applies, c.get("shown").asBoolean(), where + "shown exactly when it applies");
        String value = applies || k.get("editDefault").isNull() ? k.get("value").asText() : k.get("editDefault").asText();
        assertEquals(k.get("label").asText(), c.get("label").asText(), where + "label");
        assertEquals(k.get("help").asText(), c.get("help").asText(), where + "help");
        assertEquals(k.get("unit").asText(), c.get("unit").asText(), where + "unit");
        SpecKey key = SpecSchema.key(name);
        switch (kind) {
            case "choice": {
                List<String> values = new ArrayList<>();
                String on = null;
                for (JsonNode b : c.get("choices")) {
                    values.add(b.get("value").asText() + "=" + b.get("label").asText());
                    on = b.get("on").asBoolean() ? b.get("value").asText() : on;
                }
                List<String> want = new ArrayList<>();
                key.choices().forEach(ch -> want.add(ch.value() + "=" + ch.label()));
                assertEquals(want, values, where + "choices");
                assertEquals(value, on, where + "the chosen value");
                break;
            }
            case "number":
            case "slider": {
                JsonNode box = c.get("box");
                assertEquals(value, box.get("value").asText(), where + "value (or the edit default when it does not apply)");
                bound(where + "min", k.get("min"), k.get("minOpen").asBoolean(), box.get("min"));
                bound(where + "max", k.get("max"), k.get("maxOpen").asBoolean(), box.get("max"));
                if (k.get("step").isNull()) {
                    assertEquals("any", box.get("step").asText(), where + "step");
                } else {
                    assertEquals(k.get("step").asDouble(), Double.parseDouble(box.get("step").asText()), 0.0, where + "step");
                }
                boolean typical = !k.get("typicalMin").isNull();
                assertEquals(typical, kind.equals("slider"), where + "a slider exactly when the schema has a typical range");
                if (typical) {
                    boolean log = k.get("scale").asText().equals("log");
                    JsonNode r = c.get("range");
                    double lo = k.get("typicalMin").asDouble(), hi = k.get("typicalMax").asDouble();
                    assertEquals(log ? Math.log10(lo) : lo, Double.parseDouble(r.get("min").asText()), 1e-12, where + "slider from");
                    assertEquals(log ? Math.log10(hi) : hi, Double.parseDouble(r.get("max").asText()), 1e-12, where + "slider to");
                    if (!log) {
                        // the slider sits on its nearest step within the typical range (the box holds the value)
                        double at = Math.min(hi, Math.max(lo, Double.parseDouble(value)));
                        double step = k.get("step").isNull() ? 0 : k.get("step").asDouble();
                        assertEquals(at, Double.parseDouble(r.get("value").asText()), step / 2 + 1e-9, where + "slider position");
                    }
                }
                break;
            }
            case "text":
                assertEquals(value, c.get("box").get("value").asText(), where + "text");
                break;
            default:
                throw new AssertionError(where + "unknown control kind " + kind);
        }
    }

    /** An HTML bound: the schema's bound in force when it is closed, none when it is open or absent. */
    static void bound(String what, JsonNode want, boolean open, JsonNode attr) {
        if (want.isNull() || open) {
            assertTrue(attr.isNull(), what + ": none expected, page has " + attr);
        } else {
            assertFalse(attr.isNull(), what + ": " + want + " expected, page has none");
            assertEquals(want.asDouble(), Double.parseDouble(attr.asText()), 0.0, what);
        }
    }

    // (1b) The same proof at the source: the page's HTML and scripts carry no numeric range attribute and no spec
    // default; the speed slider (a view key) takes its range from the schema too.
    @Test
    void thePagesSourcesHoldNoRangesOrDefaults() throws IOException {
        Pattern attr = Pattern.compile("\\b(min|max|step|maxlength)\\s*=\\s*\"?[0-9]");
        Path web = LabChromium.LAB;
        List<Path> files = new ArrayList<>();
        files.add(web.resolve("index.html"));
        try (Stream<Path> js = Files.list(web.resolve("js/lab"))) {
            js.forEach(files::add);
        }
        files.add(web.resolve("js/engine-core.js"));
        Pattern keyDefault = Pattern.compile("\\b(noise|beta|dt|gamma|lambda|thr|camp|mask|flip|pulse|deg)\\b\\s*[:=]\\s*\"?[0-9]");
        for (Path f : files) {
            String text = Files.readString(f, StandardCharsets.UTF_8);
            Matcher m = attr.matcher(text);
            assertFalse(m.find(), f + " writes a range: " + (m.hitEnd() ? "" : text.substring(m.start(), Math.min(text.length(), m.end() + 20))));
            Matcher d = keyDefault.matcher(text);
            assertFalse(d.find(), f + " writes a spec value: " + (d.hitEnd() ? "" : text.substring(d.start(), Math.min(text.length(), d.end() + 20))));
        }
        LabChromium.open(lab.browser, lab.url("index.html"));
        SpecKey speed = SpecSchema.key("speed");
        assertEquals(speed.min(), Double.parseDouble((String) js("return document.getElementById('speed').min")), 0.0);
        assertEquals(speed.max(), Double.parseDouble((String) js("return document.getElementById('speed').max")), 0.0);
        assertEquals(speed.defaultText(), js("return document.getElementById('speed').value"));
    }

    // The panel built from the schema, desktop and phone (looked at by hand): grouped, aligned, help and units.
    @Test
    void screenshotsOfThePanel() throws IOException {
        String modernCue = "preset=sequence&model=modern&x0=cue";
        LabChromium.open(lab.browser, lab.url("index.html?" + modernCue));
        js("hopfieldLab.pause(); document.querySelector('[data-key=noise] .help-btn').click();"
                + " document.querySelector('[data-section=dynamics]').scrollIntoView()");
        LabChromium.shot(lab.browser, "desktop-1280-panel-dynamics");
        js("document.querySelector('[data-section=start]').scrollIntoView()");
        LabChromium.shot(lab.browser, "desktop-1280-panel-start");
        ChromeDriver phone = LabChromium.newBrowser(390, 844);
        try {
            LabChromium.open(phone, lab.url("index.html?" + modernCue));
            LabChromium.js(phone, "hopfieldLab.pause(); document.querySelector('[data-section=memories]').scrollIntoView()");
            LabChromium.shot(phone, "phone-panel-memories");
            LabChromium.js(phone, "document.querySelector('[data-key=beta] .help-btn').click();"
                    + " document.querySelector('[data-section=dynamics]').scrollIntoView()");
            LabChromium.shot(phone, "phone-panel-dynamics");
            LabChromium.js(phone, "document.querySelector('[data-section=start]').scrollIntoView()");
            LabChromium.shot(phone, "phone-panel-start");
            LabChromium.js(phone, "window.scrollTo(0, 0)");
            LabChromium.shot(phone, "phone-panel-top");
            assertTrue((Boolean) LabChromium.js(phone, "return document.documentElement.scrollWidth <= 390"),
                    "nothing wider than the phone");
        } finally {
            phone.quit();
        }
    }

    // (2) A link with a repeated key or a bad view value says so, and the lab still opens.
    @Test
    void aRepeatedKeyOrABadViewValueShowsAMessage() {
        String[][] cases = {
            {"n=1024&n=512", "given twice"},
            {"engine=foo", "engine = 'foo' is not one of"},
            {"view=nonsense", "view = 'nonsense' is not one of"},
            {"speed=abc", "speed = 'abc' is not a whole number"},
            {"speed=12", "speed"},
            {"preset=sequence&hide=noise,bogus", "'bogus' is neither a spec key nor a lab section"},
            {"noise=2&view=theory&view=landscape", "given twice"},
        };
        for (String[] c : cases) {
            LabChromium.open(lab.browser, lab.url("index.html?" + c[0]));
            String notice = lab.browser.findElement(By.id("notice")).getText();
            assertTrue(lab.browser.findElement(By.id("notice")).isDisplayed(), c[0] + ": a message is shown");
            assertTrue(notice.contains(c[1]), c[0] + ": " + notice);
            assertTrue(notice.contains("Dropped"), c[0] + ": says what was dropped: " + notice);
        }
        // what could be used was used: noise=2 stays, the repeated view key went
        assertTrue(((String) js("return hopfieldLab.spec()")).contains("noise=2"));
        assertEquals("", js("return new URLSearchParams(location.search).get('view') || ''"));
    }

    static final Pattern NUMBER = Pattern.compile("[0-9]+(\\.[0-9]+)?");

    /** Below this magnitude TeaVM's number reading and writing is not the JVM's (see differOnlyInTinyNumbers). */
    static final double TINY = 1e-307;

    /**
     * Whether two canonical links differ only in numbers of magnitude below 1e-307 (subnormals and the smallest
     * normals). Measured in Node on TeaVM's JS and Wasm builds (40 random values per decade): from 1e-307 up the core
     * writes every value as the JVM does; below 2.2e-308 about 40 % differ — Double.parseDouble reads some subnormals
     * one unit off (8e-322 → 7.95e-322: other bits than the JVM's; 4.9e-324 → 0) and Double.toString writes others
     * with other last digits. Reported to the lead; the property counts these cases and fails on any other difference.
     */
    static boolean differOnlyInTinyNumbers(String a, String b) {
        Matcher ma = NUMBER.matcher(a);
        Matcher mb = NUMBER.matcher(b);
        int ia = 0;
        int ib = 0;
        while (ma.find()) {
            if (!mb.find() || !a.substring(ia, ma.start()).equals(b.substring(ib, mb.start()))) {
                return false;
            }
            double x = Double.parseDouble(ma.group());
            double y = Double.parseDouble(mb.group());
            boolean bothTiny = x < TINY && y < TINY;   // 4.9e-324 even reads as 0
            if (!ma.group().equals(mb.group()) && !bothTiny) {
                return false;
            }
            ia = ma.end();
            ib = mb.end();
        }
        return !mb.find() && a.substring(ia).equals(b.substring(ib));
    }

    // (3) Property: for random valid specs (and view keys), the lab's canonical link is the core's canonical string.
    @Test
    void theLabsCanonicalLinkIsTheCoresForRandomSpecs() {
        LabChromium.open(lab.browser, lab.url("index.html"));
        Random r = new Random(Long.getLong("lab.property.seed", 20261201L));
        int cases = Integer.getInteger("lab.property.cases", 150);
        List<SpecKey.Choice> names = SpecSchema.key("hide").choices();
        Set<String> seen = new HashSet<>();
        int subnormal = 0;
        for (int k = 0; k < cases; k++) {
            ExperimentSpec spec = RandomSpecs.any(r, 64);
            StringBuilder q = new StringBuilder(SpecCodec.format(spec));
            if (r.nextInt(3) == 0) {
                q.append("&hide=").append(names.get(r.nextInt(names.size())).value());
            }
            if (r.nextInt(3) == 0) {
                int a = r.nextInt(names.size()), b = (a + 1 + r.nextInt(names.size() - 1)) % names.size();
                q.append("&lock=").append(names.get(a).value()).append(',').append(names.get(b).value());
            }
            if (r.nextInt(3) == 0) {
                q.append("&view=").append(SpecSchema.key("view").choices().get(r.nextInt(4)).value());
            }
            if (r.nextInt(4) == 0) {
                q.append("&speed=").append(r.nextInt(10));
            }
            String query = q.toString();
            String expected = LabLink.parse(query).format();
            load(query);
            String page = (String) js("return location.search.substring(1)");
            if (!expected.equals(page) && differOnlyInTinyNumbers(expected, page)) {
                subnormal++;
                continue;
            }
            assertEquals(expected, page, "case " + k + ": " + query);
            seen.add(spec.model() + "/" + spec.memories());
        }
        assertTrue(seen.size() >= 12, "models × memory sets covered: " + seen);
        System.out.println("LabSchemaIT: " + cases + " random links, " + (cases - subnormal) + " equal to the core's, "
                + subnormal + " differ only in numbers below 1e-307 (TeaVM, see differOnlyInTinyNumbers)");
        assertTrue(cases - subnormal >= cases / 2, "most random links compare exactly: " + (cases - subnormal) + " of " + cases);
    }
}
