package org.hopfieldlab.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.eclipsesource.json.Json;
import com.eclipsesource.json.JsonArray;
import com.eclipsesource.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.hopfieldlab.exercise.CourseSolutions;
import org.hopfieldlab.exercise.ExerciseLinks;
import org.hopfieldlab.sim.exercise.Course;
import org.hopfieldlab.sim.exercise.Exercise;
import org.hopfieldlab.sim.exercise.Grader;
import org.hopfieldlab.sim.spec.Presets;
import org.hopfieldlab.sim.spec.SpecCodec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The exercise mode of the static lab (issue 8), in real headless Chromium: a student opens an exercise link offline
 * (service worker) and from disk (file://), fails a task, reads the feedback, solves it; the exercise's locks hold on
 * every path; hostile exercises show a clear message and run nothing; a sample of the course's reference answers is
 * graded by the page's own grading path with the very verdict JSON the JVM gives; the course menu, the exports and
 * the embedding messages; screenshots of the student view (desktop and phone).
 */
class LabExerciseIT {
    @RegisterExtension
    static final LabChromium lab = new LabChromium(1280, 800).withDownloads();

    // ---- helpers ----

    static Object js(WebDriver d, String script, Object... args) {
        return LabChromium.js(d, script, args);
    }

    /** Opens a lab URL with an exercise and waits until the lab runs and the exercise panel shows its first task. */
    static void openExercise(WebDriver d, String url) {
        d.get("about:blank");
        LabChromium.open(d, url);
        new WebDriverWait(d, Duration.ofSeconds(30)).until(x -> js(x, "return document.body.getAttribute('data-exercise-task')") != null);
    }

    /** Opens a URL whose exercise must be refused; waits for the message. */
    static String openRefused(WebDriver d, String url) {
        d.get("about:blank");
        LabChromium.open(d, url);
        new WebDriverWait(d, Duration.ofSeconds(30)).until(x -> js(x, "return document.body.getAttribute('data-exercise-problem')") != null);
        return (String) js(d, "return document.body.getAttribute('data-exercise-problem')");
    }

    static WebElement openCard(WebDriver d) {
        return d.findElement(By.cssSelector("#exercise .ex-task.open"));
    }

    static void selectTask(WebDriver d, String task) {
        d.findElement(By.cssSelector("#exercise [data-task='" + task + "'] .ex-task-head")).click();
        new WebDriverWait(d, Duration.ofSeconds(20)).until(x -> task.equals(js(x, "return document.body.getAttribute('data-exercise-task')")));
    }

    /** Presses the open card's Check button and waits for the verdict; returns its kind (right, wrong, refused, error). */
    static String check(WebDriver d) {
        Object before = js(d, "return document.body.getAttribute('data-exercise-graded')");
        openCard(d).findElement(By.cssSelector("[data-ex=check]")).click();
        new WebDriverWait(d, Duration.ofSeconds(120)).until(x -> {
            Object g = js(x, "return document.body.getAttribute('data-exercise-graded')");
            return g != null && !g.equals(before) && Boolean.FALSE.equals(js(x, "return hopfieldExercise.state().grading"));
        });
        return openCard(d).findElement(By.cssSelector(".ex-fb")).getAttribute("data-verdict");
    }

    static void chooseAndCheck(WebDriver d, String choice, String expect) {
        openCard(d).findElement(By.cssSelector("input[type=radio][value='" + choice + "']")).click();
        assertEquals(expect, check(d));
    }

    static String feedback(WebDriver d) {
        return openCard(d).findElement(By.cssSelector(".ex-fb")).getText();
    }

    static String status(WebDriver d, String task) {
        return d.findElement(By.cssSelector("#exercise [data-task='" + task + "'] .ex-status")).getText();
    }

    static String spec(WebDriver d) {
        return (String) js(d, "return hopfieldLab.spec()");
    }

    static void settled(WebDriver d) {
        LabChromium.async(d, "hopfieldLab.settled()");
    }

    /** A student's session on the first exercise of the course: a wrong choice (feedback + hint), then the right one. */
    static void failReadSolve(WebDriver d) {
        Exercise basics = Course.get("hopfield-basics");
        assertEquals(basics.title(), d.findElement(By.cssSelector("#exercise .ex-title")).getText());
        assertTrue(d.findElement(By.cssSelector("#exercise .ex-instructions strong")).getText().contains("B, H, O, T"),
                "the instructions are rendered Markdown");
        assertEquals("completes", js(d, "return document.body.getAttribute('data-exercise-task')"));
        assertEquals("Not tried", status(d, "completes"));

        chooseAndCheck(d, "b", "wrong");
        String fb = feedback(d);
        assertTrue(fb.contains("WHAT THE RUN DID") || fb.contains("What the run did"), fb);
        assertTrue(fb.contains("Trials that end window 1 in ξ1: 10 of 10 trials (100 %)"), "the run's outcome is explained: " + fb);
        assertTrue(fb.contains(basics.task("completes").hint()), "the hint appears after a wrong try: " + fb);
        assertEquals("Not yet · 1 try", status(d, "completes"));

        chooseAndCheck(d, "a", "right");
        fb = feedback(d);
        assertFalse(fb.contains(basics.task("completes").hint()), "no hint on a right answer: " + fb);
        assertTrue(fb.contains("Right"), fb);
        assertTrue(status(d, "completes").startsWith("Solved"), status(d, "completes"));
    }

    // ---- 1. offline through the service worker ----

    @Test
    void aStudentFailsReadsTheFeedbackAndSolvesOfflineAndAReloadKeepsTheProgress() throws IOException {
        ChromeDriver d = LabChromium.newBrowser(1280, 800);
        StaticServer own = new StaticServer(LabChromium.LAB);
        try {
            String url = own.url("index.html#exercise=hopfield-basics");
            openExercise(d, url);
            String ready = LabChromium.async(d, "navigator.serviceWorker.ready.then(function (r) { return { active: !!r.active }; })");
            assertTrue(ready.contains("true"), ready);
            new WebDriverWait(d, Duration.ofSeconds(30)).until(x -> Boolean.TRUE.equals(js(x, "return !!navigator.serviceWorker.controller"))
                    || LabChromium.reload(x));
            own.close();   // from here on there is no server: the service worker serves everything
            openExercise(d, url);
            assertEquals("wasm", js(d, "return hopfieldLab.engine()"), "graded by the Wasm engine in the worker, from the cache");
            assertEquals("worker", js(d, "return document.body.getAttribute('data-engine-kind')"));
            failReadSolve(d);

            // a make task, solved with the lab's own controls (free keys only)
            selectTask(d, "damage");
            setField(d, "c-flip", "0.5");
            setField(d, "c-mask", "0");
            new WebDriverWait(d, Duration.ofSeconds(20)).until(x -> spec(x).contains("flip=0.5") && spec(x).contains("mask=0&"));
            assertEquals("wrong", check(d));
            assertTrue(feedback(d).contains("3 of 10 trials (30 %)"), feedback(d));
            setField(d, "c-flip", "0.3");
            new WebDriverWait(d, Duration.ofSeconds(20)).until(x -> spec(x).contains("flip=0.3"));
            assertEquals("right", check(d));

            // the URL keeps the exercise; a reload (still offline) loses nothing
            assertTrue(d.getCurrentUrl().contains("#exercise=hopfield-basics"), d.getCurrentUrl());
            d.navigate().refresh();
            LabChromium.open(d, d.getCurrentUrl());
            new WebDriverWait(d, Duration.ofSeconds(30)).until(x -> "damage".equals(js(x, "return document.body.getAttribute('data-exercise-task')")));
            assertTrue(status(d, "completes").startsWith("Solved"), status(d, "completes"));
            assertTrue(status(d, "damage").startsWith("Solved"), status(d, "damage"));
            assertEquals("right", openCard(d).findElement(By.cssSelector(".ex-fb")).getAttribute("data-verdict"), "the last verdict is shown again");
            assertTrue(spec(d).contains("flip=0.3"), "the student's experiment is kept: " + spec(d));
            assertEquals("2 of 4 solved", d.findElement(By.cssSelector("#exercise .ex-meter-text")).getText());

            // "reset this task" forgets it and brings back the task's own spec
            openCard(d).findElement(By.cssSelector("[data-ex=reset]")).click();
            new WebDriverWait(d, Duration.ofSeconds(20)).until(x -> spec(x).contains("flip=0.1"));
            assertEquals("Not tried", status(d, "damage"));
        } finally {
            d.quit();
            own.close();
        }
    }

    /** The files the page itself asked for so far (the service worker's own precaching is not the page's). */
    @SuppressWarnings("unchecked")
    static List<String> requested(WebDriver d) {
        return (List<String>) js(d, "return performance.getEntriesByType('resource').map(function (e) { return e.name; })");
    }

    static boolean requestedMarkdown(WebDriver d) {
        return requested(d).stream().anyMatch(u -> u.contains("markdown-it"));
    }

    // ---- 1b. the Markdown renderer loads with the first exercise only, and is cached for offline use all the same ----

    @Test
    void theMarkdownRendererLoadsOnlyForAnExerciseAndStillWorksOffline() throws IOException {
        ChromeDriver d = LabChromium.newBrowser(1280, 800);
        StaticServer own = new StaticServer(LabChromium.LAB);
        try {
            String exercise = own.url("index.html#exercise=hopfield-basics");
            LabChromium.open(d, own.url("index.html?preset=sequence" + LabChromium.SLOW));
            assertFalse(requestedMarkdown(d), "a plain lab load fetched markdown-it: " + requested(d));
            assertEquals(Boolean.TRUE, js(d, "return window.markdownit === undefined"), "markdown-it ran on a plain lab load");
            // the service worker precaches it, so an exercise opened later renders its Markdown offline too
            String ready = LabChromium.async(d, "navigator.serviceWorker.ready.then(function (r) { return { active: !!r.active }; })");
            assertTrue(ready.contains("true"), ready);
            new WebDriverWait(d, Duration.ofSeconds(30)).until(x -> Boolean.TRUE.equals(js(x, "return !!navigator.serviceWorker.controller"))
                    || LabChromium.reload(x));
            LabChromium.open(d, d.getCurrentUrl());
            assertFalse(requestedMarkdown(d), "a plain lab load from the service worker fetched markdown-it: " + requested(d));
            own.close();   // offline from here: only the service worker's cache answers
            openExercise(d, exercise);
            assertTrue(requestedMarkdown(d), "the exercise loads markdown-it: " + requested(d));
            assertTrue(d.findElement(By.cssSelector("#exercise .ex-instructions strong")).getText().contains("B, H, O, T"),
                    "the instructions are rendered Markdown, offline");
            assertFalse(d.findElements(By.cssSelector("#exercise .ex-instructions em")).isEmpty(), "emphasis is rendered");
        } finally {
            d.quit();
            own.close();
        }
    }

    static void setField(WebDriver d, String id, String value) {
        js(d, "var el = document.getElementById(arguments[0]); el.value = arguments[1]; el.dispatchEvent(new Event('change', {bubbles: true}));", id, value);
    }

    // ---- 2. from disk (file://): main-thread engine, compressed links through DecompressionStream ----

    @Test
    void theSameFromDiskWithACompressedLink() throws IOException {
        String index = LabChromium.LAB.resolve("index.html").toUri().toString();
        openExercise(lab.browser, index + "#exercise=hopfield-basics");
        assertEquals("main-thread", js(lab.browser, "return document.body.getAttribute('data-engine-kind')"));
        js(lab.browser, "localStorage.clear()");
        openExercise(lab.browser, index + "#exercise=hopfield-basics");
        failReadSolve(lab.browser);

        // a draw task from disk: the drawn cue of the reference solution, graded right; the pixel budget is shown
        String cue = CourseSolutions.all().stream().filter(s -> s.task().equals("draw-b") && s.expect().equals("right"))
                .findFirst().orElseThrow().answer();
        selectTask(lab.browser, "draw-b");
        assertTrue(openCard(lab.browser).getText().contains("0 of at most 20 pixels inked"), openCard(lab.browser).getText());
        js(lab.browser, "hopfieldLab.load(hopfieldLab.spec().replace(/cuepat=[^&]*/, 'cuepat=' + arguments[0]))", cue);
        new WebDriverWait(lab.browser, Duration.ofSeconds(20)).until(x -> spec(x).contains("cuepat=" + cue)
                && openCard(x).getText().contains("of at most 20 pixels inked")
                && !openCard(x).getText().contains("0 of at most 20"));
        assertEquals("right", check(lab.browser));

        // a compressed link (z.: raw DEFLATE + base64url, as the JVM writes it) opens from disk too
        String glitch = Course.json("glitch");
        openExercise(lab.browser, index + "#exercise=" + ExerciseLinks.encode(glitch));
        assertEquals(Course.get("glitch").title(), lab.browser.findElement(By.cssSelector("#exercise .ex-title")).getText());
        assertEquals(glitch, js(lab.browser, "return hopfieldExercise.json()"), "the page inflated the very JSON the JVM packed");
    }

    // ---- 3. locks hold on every path ----

    static String lockExercise() {
        return new JsonObject().add("format", 1).add("id", "lock-paths").add("title", "Only the noise is yours")
                .add("instructions", "Change the **noise** and nothing else.")
                .add("spec", Presets.get("sequence").spec().toString())
                .add("free", new JsonArray().add("noise")).add("hidden", new JsonArray())
                .add("tasks", new JsonArray().add(new JsonObject().add("id", "loud").add("kind", "make")
                        .add("prompt", "Set the noise to at least 12.").add("hint", "Use the noise slider.")
                        .add("condition", new JsonObject().add("measure", "param").add("key", "noise").add("op", ">=").add("value", 12))))
                .toString();
    }

    static void refusedPolitely(String before, String mustMention) {
        assertEquals(before, spec(lab.browser), "a locked key changed");
        List<WebElement> notes = lab.browser.findElements(By.cssSelector(".lock-note, #notice.info"));
        String all = notes.stream().filter(WebElement::isDisplayed).map(WebElement::getText).reduce("", String::concat);
        assertTrue(all.contains("locked in this exercise") && all.contains(mustMention), "no or wrong message: " + all);
        assertTrue(lab.browser.findElements(By.cssSelector(".field-error")).isEmpty(), "a lock is not shown as an error");
    }

    @Test
    void theExercisesLocksHoldOnEveryPath() throws IOException {
        String url = lab.url("index.html" + LabChromium.SLOW.replace('&', '?') + "#exercise=" + ExerciseLinks.encode(lockExercise()));
        openExercise(lab.browser, url);
        String before = spec(lab.browser);
        assertEquals(Presets.get("sequence").spec().toString(), before);
        assertTrue(lab.browser.findElement(By.id("c-noise")).isEnabled(), "the free key's control is live");
        assertFalse(lab.browser.findElement(By.id("c-beta")).isEnabled(), "a locked key's control is off");

        // the spec box
        lab.browser.findElement(By.cssSelector("[data-section=spec] summary")).click();
        WebElement box = lab.browser.findElement(By.id("spec-text"));
        box.clear();
        box.sendKeys(before.replace("model=idp", "model=classic"), Keys.ENTER);
        refusedPolitely(before, "Model");
        // the preset menu
        new Select(lab.browser.findElement(By.id("preset"))).selectByValue("classic-constant");
        settled(lab.browser);
        refusedPolitely(before, "Model");
        // "+ window"
        lab.browser.findElement(By.id("add-window")).click();
        refusedPolitely(before, "(in)");
        // a switch chip and a memory tile
        LabChromium.async(lab.browser, "hopfieldLab.runTo(100)");
        lab.browser.findElement(By.cssSelector("#switch-buttons [data-what=d2]")).click();
        settled(lab.browser);
        refusedPolitely(before, "Switching the input is locked");
        lab.browser.findElements(By.cssSelector("#gallery .mem")).get(2).click();
        settled(lab.browser);
        refusedPolitely(before, "memory");
        LabChromium.shot(lab.browser, "exercise-desktop-lock-tile");

        // a free key changes, and the task is graded on it
        box = lab.browser.findElement(By.id("spec-text"));
        box.clear();
        box.sendKeys(before.replace("noise=8", "noise=12"), Keys.ENTER);
        new WebDriverWait(lab.browser, Duration.ofSeconds(20)).until(x -> spec(x).contains("noise=12&"));
        assertEquals("right", check(lab.browser));
        // a forged answer that changes a locked key is refused by the core, naming the key
        String verdict = LabChromium.async(lab.browser, "hopfieldExercise.check('loud', hopfieldLab.spec().replace('model=idp', 'model=classic'))");
        assertTrue(verdict.contains("refused") && verdict.contains("model"), verdict);
        assertEquals("refused", openCard(lab.browser).findElement(By.cssSelector(".ex-fb")).getAttribute("data-verdict"));
    }

    // ---- 4. hostile exercises: a clear message, nothing runs ----

    static String j(String json) {
        return "j." + Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    static JsonObject basics() {
        return Json.parse(Course.json("hopfield-basics")).asObject();
    }

    /** The refused exercise ran nothing: no exercise, no locks, the lab paused at t = 0, no script effect. */
    static void ranNothing(WebDriver d) {
        assertEquals(Boolean.FALSE, js(d, "return hopfieldExercise.active()"));
        assertTrue(d.findElements(By.cssSelector(".locked")).isEmpty(), "no locks of a refused exercise");
        assertEquals(Boolean.FALSE, js(d, "return document.body.classList.contains('playing')"), "nothing plays");
        assertEquals("0", String.valueOf(js(d, "return hopfieldLab.frame().step")));
        assertEquals(Boolean.TRUE, js(d, "return window.pwned === undefined"), "no script of the exercise ran");
        assertTrue(d.findElement(By.cssSelector("#exercise.ex-problem")).isDisplayed());
    }

    @Test
    void hostileExercisesShowAClearMessageAndRunNothing() throws IOException {
        String index = lab.url("index.html");
        JsonObject script = basics();
        script.set("instructions", "Hello <script>window.pwned = 1</script>");
        String m = openRefused(lab.browser, index + "#exercise=" + ExerciseLinks.encode(script.toString()));
        assertTrue(m.contains("instructions") && m.contains("raw HTML is not allowed"), m);
        ranNothing(lab.browser);
        LabChromium.shot(lab.browser, "exercise-desktop-refused");

        JsonObject big = basics();
        big.set("instructions", "x".repeat(1_000_000));
        m = openRefused(lab.browser, index + "#exercise=" + ExerciseLinks.encode(big.toString()));
        assertTrue(m.contains("1002") && m.contains("at most 200000"), m);
        ranNothing(lab.browser);

        JsonObject badSpec = basics();
        badSpec.set("spec", "model=nonsense&n=-3");
        m = openRefused(lab.browser, index + "#exercise=" + j(badSpec.toString()));
        assertTrue(m.contains("spec") && m.contains("nonsense"), m);
        ranNothing(lab.browser);

        JsonObject kind = basics();
        kind.get("tasks").asArray().get(0).asObject().set("kind", "essay");
        m = openRefused(lab.browser, index + "#exercise=" + j(kind.toString()));
        assertTrue(m.contains("tasks[0].kind") && m.contains("unknown task kind 'essay'"), m);
        ranNothing(lab.browser);

        // a damaged link, a link that inflates to far too much, an unknown built-in
        m = openRefused(lab.browser, index + "#exercise=z.AAAA!!");
        assertTrue(m.contains("damaged"), m);
        ranNothing(lab.browser);
        m = openRefused(lab.browser, index + "#exercise=" + ExerciseLinks.encode(" ".repeat(3_000_000)));
        assertTrue(m.contains("more than 1048576 bytes"), m);
        ranNothing(lab.browser);
        m = openRefused(lab.browser, index + "#exercise=no-such-exercise");
        assertTrue(m.contains("no built-in exercise 'no-such-exercise'"), m);

        // the same through the file picker: the exercise is refused before anything else happens
        Path file = Files.createTempFile("labex-hostile-", ".json");
        Files.writeString(file, kind.toString());
        openExercise(lab.browser, index + "#exercise=hopfield-basics");
        lab.browser.findElement(By.id("exercise-file")).sendKeys(file.toString());
        new WebDriverWait(lab.browser, Duration.ofSeconds(20)).until(x -> x.findElements(By.cssSelector("#exercise.ex-problem")).size() == 1);
        assertTrue(lab.browser.findElement(By.cssSelector("#exercise")).getText().contains("unknown task kind 'essay'"));
        Files.delete(file);

        // the renderer's own second line of defence (the core refuses these before): no handlers, no remote pictures,
        // links open safely
        String r = LabChromium.async(lab.browser, "(function () { var d = document.createElement('div');"
                + " d.innerHTML = HLab.extext.block('a <img src=x onerror=\\'window.pwned=1\\'> [site](https://example.org)"
                + " [bad](javascript:window.pwned=1) ![remote](https://example.org/x.png) ![ok](data:image/png;base64,iVBORw0KGgo=)');"
                + " return new Promise(function (ok) { setTimeout(function () { ok({"
                + " imgs: Array.from(d.querySelectorAll('img')).map(function (i) { return i.getAttribute('src'); }),"
                + " handlers: d.querySelectorAll('[onerror],[onclick],[onload]').length,"
                + " links: Array.from(d.querySelectorAll('a')).map(function (a) { return [a.getAttribute('href'), a.target, a.rel].join(' '); }),"
                + " pwned: window.pwned === undefined ? 'no' : 'yes', text: d.textContent }); }, 300); }); })()");
        JsonObject o = Json.parse(r).asObject();
        assertEquals("[\"data:image/png;base64,iVBORw0KGgo=\"]", o.get("imgs").toString(),
                "only the embedded picture is an image; the remote one never loads: " + r);
        assertEquals(0, o.getInt("handlers", -1), r);
        assertEquals("[\"https://example.org _blank noopener noreferrer nofollow\"]", o.get("links").toString(),
                "the web link opens in a new tab without access to the page; the script link is not a link: " + r);
        assertEquals("no", o.getString("pwned", ""), r);
        assertTrue(o.getString("text", "").contains("<img src=x"), "raw HTML stays visible text: " + r);
    }

    // ---- 5. the course's reference answers, graded by the page's own path, give the JVM's verdicts ----

    @Test
    void everyExerciseOfTheCourseIsGradedInTheBrowserAsOnTheJvm() {
        // every exercise of the course with at least one task, every task kind, each with its right and its wrong
        // reference answer (Node grades all of them in JS and Wasm: check-course.mjs; here the page's own path)
        List<String> sample = List.of("hopfield-basics/completes", "hopfield-basics/damage", "hopfield-basics/draw-b",
                "capacity/many", "continuous-energy/bottom", "continuous-energy/monotone", "classic-fails/pulsed",
                "idp-existence/beta-star", "stability/alpha-star", "stability/switch", "noise-switching/switch",
                "glitch/m-a", "modern-family/follow");
        List<String> report = new ArrayList<>();
        String index = lab.url("index.html");
        String openEx = "";
        for (CourseSolutions.Solution s : CourseSolutions.all()) {
            if (!sample.contains(s.exercise() + "/" + s.task())) {
                continue;
            }
            if (!s.exercise().equals(openEx)) {
                js(lab.browser, "localStorage.clear()");
                openExercise(lab.browser, index + "#exercise=" + s.exercise());
                openEx = s.exercise();
            }
            Exercise ex = Course.get(s.exercise());
            String kind = ex.task(s.task()).kind().key;
            if (!s.task().equals(js(lab.browser, "return document.body.getAttribute('data-exercise-task')"))) {
                selectTask(lab.browser, s.task());
            }
            String submitted;
            switch (kind) {
                case "numeric" -> {
                    WebElement in = openCard(lab.browser).findElement(By.cssSelector(".ex-number"));
                    in.clear();
                    in.sendKeys(s.answer());
                    submitted = s.answer();
                    check(lab.browser);
                }
                case "choice" -> {
                    openCard(lab.browser).findElement(By.cssSelector("input[type=radio][value='" + s.answer() + "']")).click();
                    submitted = s.answer();
                    check(lab.browser);
                }
                default -> {
                    // make: the student's spec; draw: the task's spec with the drawn cue
                    String spec = kind.equals("draw")
                            ? SpecCodec.format(SpecCodec.parseOnto(ex.task(s.task()).spec().toBuilder(), "cuepat=" + s.answer()))
                            : s.answer();
                    LabChromium.async(lab.browser, "hopfieldLab.load(" + Json.value(spec) + ")");
                    new WebDriverWait(lab.browser, Duration.ofSeconds(20)).until(x -> spec.equals(spec(x)));
                    submitted = spec;
                    check(lab.browser);
                }
            }
            String page = (String) js(lab.browser, "return hopfieldExercise.lastVerdict()");
            String jvm = Grader.grade(ex, s.task(), submitted).toJson();
            assertEquals(jvm, page, s.exercise() + "/" + s.task() + " (" + s.expect() + "): the page's verdict must be the JVM's");
            assertEquals(s.expect(), Json.parse(page).asObject().getString("verdict", ""), s.exercise() + "/" + s.task());
            report.add(s.exercise() + "/" + s.task() + "/" + s.expect());
        }
        assertEquals(sample.size() * 2, report.size(), "every sampled task graded right and wrong: " + report);
        assertEquals(Course.ids(), sample.stream().map(t -> t.split("/")[0]).distinct().toList(), "every exercise sampled");
        for (String k : List.of("numeric", "choice", "make", "draw")) {
            assertTrue(sample.stream().anyMatch(t -> Course.get(t.split("/")[0]).task(t.split("/")[1]).kind().key
                    .equals(k)), "the sample covers " + k);
        }
    }

    // ---- 6. the course menu, exports, embedding ----

    @Test
    void theCourseMenuOpensEachExerciseAsItsLink() {
        openExercise(lab.browser, lab.url("index.html#exercise=hopfield-basics"));
        lab.browser.findElement(By.cssSelector(".ex-course summary")).click();
        List<WebElement> items = lab.browser.findElements(By.cssSelector(".ex-course [data-course]"));
        assertEquals(Course.ids(), items.stream().map(e -> e.getAttribute("data-course")).toList());
        assertTrue(items.get(0).getAttribute("class").contains("current"));
        WebElement third = items.get(2);
        assertTrue(Course.get(Course.ids().get(2)).title().endsWith(third.findElement(By.cssSelector(".ex-course-title")).getText()));
        third.click();
        new WebDriverWait(lab.browser, Duration.ofSeconds(30)).until(x -> Course.ids().get(2).equals(js(x, "return document.body.getAttribute('data-exercise')")));
        assertTrue(lab.browser.getCurrentUrl().contains("#exercise=" + Course.ids().get(2)), lab.browser.getCurrentUrl());
        new WebDriverWait(lab.browser, Duration.ofSeconds(30)).until(x -> Course.get(Course.ids().get(2)).title()
                .equals(x.findElement(By.cssSelector("#exercise .ex-title")).getText()));
        // the free lab, without the exercise
        lab.browser.findElement(By.cssSelector(".ex-course summary")).click();
        lab.browser.findElement(By.cssSelector(".ex-course [data-ex-free]")).click();
        LabChromium.open(lab.browser, lab.browser.getCurrentUrl());
        assertTrue(lab.browser.findElements(By.id("exercise")).isEmpty());
        assertEquals(Boolean.FALSE, js(lab.browser, "return hopfieldExercise.active()"));
    }

    @Test
    void anExerciseIsExportedAsAJsonFileAndACompactLink() throws IOException {
        lab.downloads.clear();
        openExercise(lab.browser, lab.url("index.html#exercise=noise-switching"));
        String json = (String) js(lab.browser, "return hopfieldExercise.json()");
        assertEquals(Course.json("noise-switching"), json);
        lab.browser.findElement(By.cssSelector("#exercise [data-ex=export-json]")).click();
        Path[] saved = new Path[1];
        new WebDriverWait(lab.browser, Duration.ofSeconds(20)).until(x -> {
            Path f = lab.downloads.dir.resolve("noise-switching.json");
            saved[0] = f;
            try {
                return Files.isRegularFile(f) && Files.size(f) > 0;
            } catch (IOException e) {
                return false;
            }
        });
        assertEquals(json, Files.readString(saved[0]), "the file is the exercise's JSON");

        lab.browser.findElement(By.cssSelector("#exercise [data-ex=export-link]")).click();
        new WebDriverWait(lab.browser, Duration.ofSeconds(20)).until(x -> js(x, "return document.body.getAttribute('data-exercise-link')") != null);
        String link = (String) js(lab.browser, "return document.body.getAttribute('data-exercise-link')");
        String payload = ExerciseLinks.payloadOf(link);
        assertTrue(payload.startsWith("z."), link);
        assertEquals(json, ExerciseLinks.decode(payload), "the JVM reads the page's compact link back to the same JSON");
        assertTrue(link.length() < json.length(), "compact: " + link.length() + " vs " + json.length());
        openExercise(lab.browser, link);
        assertEquals(Course.get("noise-switching").title(), lab.browser.findElement(By.cssSelector("#exercise .ex-title")).getText());
    }

    @Test
    void aParentPageOpensAnExerciseAndHearsOfEachCheck() {
        lab.server.page("exercise-parent.html", "<!doctype html><meta charset=utf-8><body><iframe id=lab src='index.html' "
                + "style='width:1200px;height:760px'></iframe><script>window.got = []; window.addEventListener('message',"
                + " function (e) { window.got.push(e.data); });</script>");
        lab.browser.get(lab.url("exercise-parent.html"));
        new WebDriverWait(lab.browser, Duration.ofSeconds(60)).until(x -> Boolean.TRUE.equals(js(x,
                "return window.got.some(function (m) { return m.type === 'hopfield-lab:state'; })")));
        js(lab.browser, "document.getElementById('lab').contentWindow.postMessage({type: 'hopfield-lab:exercise', exercise: arguments[0]}, '*')",
                Course.json("glitch"));
        lab.browser.switchTo().frame("lab");
        new WebDriverWait(lab.browser, Duration.ofSeconds(60)).until(x -> "glitch".equals(js(x, "return document.body.getAttribute('data-exercise')"))
                && js(x, "return document.body.getAttribute('data-exercise-task')") != null);
        openCard(lab.browser).findElement(By.cssSelector("input[type=radio][value='a']")).click();
        String v = check(lab.browser);
        lab.browser.switchTo().defaultContent();
        String got = LabChromium.async(lab.browser, "window.got.filter(function (m) { return m.type === 'hopfield-lab:answer'; })");
        assertTrue(got.contains("\"exercise\":\"glitch\"") && got.contains("\"task\":\"during\"") && got.contains("\"verdict\":\"" + v + "\""), got);
        assertTrue(LabChromium.async(lab.browser, "window.got.filter(function (m) { return m.type === 'hopfield-lab:state'; }).length").matches("[1-9]\\d*"));
    }

    // ---- 7. screenshots of the student view ----

    @Test
    void screenshotsOfTheStudentView() throws IOException {
        openExercise(lab.browser, lab.url("index.html#exercise=idp-existence"));
        js(lab.browser, "localStorage.clear()");
        openExercise(lab.browser, lab.url("index.html#exercise=idp-existence"));
        LabChromium.shot(lab.browser, "exercise-desktop-start");
        WebElement in = openCard(lab.browser).findElement(By.cssSelector(".ex-number"));
        in.sendKeys("6.67");
        assertEquals("wrong", check(lab.browser));
        js(lab.browser, "document.querySelector('#exercise .ex-task.open').scrollIntoView({block: 'start'})");
        LabChromium.shot(lab.browser, "exercise-desktop-wrong");

        ChromeDriver phone = LabChromium.newBrowser(390, 844);
        try {
            openExercise(phone, lab.url("index.html#exercise=hopfield-basics"));
            LabChromium.shot(phone, "exercise-phone-start");
            chooseAndCheck(phone, "b", "wrong");
            js(phone, "document.querySelector('#exercise .ex-task.open').scrollIntoView({block: 'start'})");
            LabChromium.shot(phone, "exercise-phone-wrong");
            // the panel folds away to give the lab the screen
            phone.findElement(By.cssSelector("#exercise .ex-collapse")).click();
            assertFalse(phone.findElement(By.cssSelector("#exercise .ex-body")).isDisplayed());
            js(phone, "window.scrollTo(0, 0)");
            LabChromium.shot(phone, "exercise-phone-folded");
        } finally {
            phone.quit();
        }
    }
}
