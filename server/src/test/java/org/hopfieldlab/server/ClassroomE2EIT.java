package org.hopfieldlab.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.hopfieldlab.server.account.AccountService;
import org.junit.jupiter.api.Test;
import org.hopfieldlab.exercise.CourseSolutions;
import org.hopfieldlab.sim.exercise.Course;
import org.hopfieldlab.sim.exercise.Task;
import org.hopfieldlab.sim.spec.SpecCodec;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The classroom in headless Chromium against the whole server: a teacher creates a class and assigns a built-in
 * exercise; two students join with the code and submit (one right, one wrong — graded by the server); the teacher's
 * dashboard shows both. Screenshots (desktop and phone) go to {@code shots.dir} (default /tmp/server-shots).
 */
@ServerTest
class ClassroomE2EIT extends ServerInBrowser {
    static final String PASSWORD = "a long password";

    @Autowired
    AccountService accounts;

    /** Signs in as {@code user} in a browser that forgets whoever was signed in before (no cookies). */
    void signInAs(String user) {
        // leaving the app's page first also keeps a Vaadin page still open from sending a request after the
        // cookies are gone, getting a new session and racing the sign-in (seen once: the sign-in never completed)
        b.clearCookies(url(""));
        b.login(url(""), user, PASSWORD);
    }

    String studentSubmits(String user, String code, String answer) throws IOException {
        signInAs(user);
        driver.get(url("/classes?join=" + code));
        assertEquals(code, b.value("#join-code"));
        b.el("#join-class").click();
        b.el("[id^='open-']").click();
        b.el("#class-lab");
        b.el("#submit-task"); // the first task, "completes", is preselected
        b.type("#submit-answer", answer);
        b.el("#submit").click();
        WebElement verdict = b.waitFor(d -> {
            List<WebElement> v = d.findElements(By.id("submit-verdict"));
            return v.isEmpty() ? null : v.get(0);
        });
        return verdict.getAttribute("data-status") + ": " + verdict.getText();
    }

    @Test
    void teacherAssignsStudentsSubmitDashboardShowsBoth() throws Exception {
        String suffix = Long.toString(System.nanoTime(), 36);
        String teacher = "teacher-" + suffix;
        String alice = "alice-" + suffix;
        String bob = "bob-" + suffix;
        for (String u : List.of(teacher, alice, bob)) {
            accounts.signUp(u, PASSWORD);
        }

        signInAs(teacher);
        String[] created = teacherCreatesClass("E2E class", false);
        String code = created[0];
        String classUrl = created[1];
        // no students yet: no export of an empty sheet, but the way to get students
        assertTrue(driver.findElements(By.id("grades-csv")).isEmpty(), "an export of no students is offered");
        String empty = b.el("#dashboard-empty").getText();
        assertTrue(empty.startsWith("No students yet") && empty.contains(code), empty);
        b.js("document.getElementById('dashboard').scrollIntoView({block: 'start'})");
        b.shot("classroom-dashboard-empty-1280");
        b.shotAtWidth("classroom-dashboard-empty-390", 390, "#dashboard");

        String right = studentSubmits(alice, code, "a");
        assertTrue(right.startsWith("right: "), right);
        b.waitFor(d -> d.findElement(By.id("my-submissions")).getText().contains("completes") ? true : null);
        b.shot("classroom-student-desktop");
        b.shotAtPhoneWidth("classroom-student-phone", Duration.ZERO);
        labFitsItsFrameOnAPhone();

        String wrong = studentSubmits(bob, code, "b");
        assertTrue(wrong.startsWith("wrong: "), wrong);

        signInAs(teacher);
        driver.get(classUrl);
        b.el("#dashboard-grid");
        String grid = b.waitFor(d -> {
            String t = String.join("\n", d.findElements(By.cssSelector("#dashboard-grid vaadin-grid-cell-content"))
                    .stream().map(WebElement::getText).toList());
            return t.contains(alice) && t.contains(bob) ? t : null;
        });
        assertTrue(grid.contains("✓ 1 try"), grid);
        assertTrue(grid.contains("✗ 1 try"), grid);
        assertTrue(b.el("#common-wrong").getText().contains("“b” × 1"), b.el("#common-wrong").getText());
        // with students the export is there, and gives their grades (the CSV itself: ClassroomServiceTest)
        String[] download = ((String) b.js("return fetch(arguments[0].href).then(r => r.text().then(t => "
                + "(r.headers.get('Content-Disposition') || '') + '\\n' + t))", b.el("#grades-csv"))).split("\n", 2);
        assertTrue(download[0].contains("grades-e2e-class.csv"), download[0]); // named after the class
        String csv = download[1];
        assertTrue(csv.startsWith("student,") && csv.contains(alice + ",right,1,") && csv.contains(bob + ",wrong,1,"),
                csv);
        // the file itself starts with UTF-8's byte order mark (Excel reads names outside ASCII right); text() drops it
        assertEquals("239,187,191,115", b.js("return fetch(arguments[0].href).then(r => r.arrayBuffer()).then(a => "
                + "Array.from(new Uint8Array(a).slice(0, 4)).join(','))", b.el("#grades-csv")));
        b.shot("classroom-teacher-dashboard");
        b.shotAtPhoneWidth("classroom-teacher-phone", Duration.ZERO);
    }

    /**
     * The teacher's controls for an assignment: with the browser in Berlin's time zone, a due date typed in Berlin's
     * time after the fact (a time the clocks skip is refused first) shows in UTC and in the teacher's own time,
     * marks the student's earlier try late (dashboard, with a short date in the column's header and the whole one in
     * its tooltip, and grades file); withdrawing asks first, saying what happens to the work submitted, and the
     * dashboard then says the assignment is withdrawn with the student's try kept; assigning again brings that work
     * back. Screenshots of the assignments and the dashboard at 1280 and 390 px, and of the question.
     */
    @Test
    void theTeacherChangesADueDateSeesLateWorkWithdrawsAndAssignsAgain() throws Exception {
        String suffix = Long.toString(System.nanoTime(), 36);
        String teacher = "teacher-wd-" + suffix;
        String alice = "alice-wd-" + suffix;
        for (String u : List.of(teacher, alice)) {
            accounts.signUp(u, PASSWORD);
        }
        signInAs(teacher);
        String[] created = teacherCreatesClass("Withdraw class", false);
        assertTrue(studentSubmits(alice, created[0], "a").startsWith("right: "));

        org.openqa.selenium.chrome.ChromeDriver chrome = (org.openqa.selenium.chrome.ChromeDriver) driver;
        chrome.executeCdpCommand("Emulation.setTimezoneOverride", java.util.Map.of("timezoneId", "Europe/Berlin"));
        try {
            signInAs(teacher);
            driver.get(created[1]);
            b.el("#dashboard-grid");
            b.clickCentered("#due-hopfield-basics");
            // in the teacher's own time: a time the clocks skip (Berlin, 29 March 2026, 02:00 to 03:00) is refused
            setDue("#due-change", "2026-03-29T02:30");
            b.el("#due-save").click();
            String gap = redrawn(d -> {
                String t = d.findElement(By.id("due-error")).getText();
                return t.isEmpty() ? null : t;
            });
            assertEquals("Not saved: that time does not exist (see above).", gap);
            assertEquals("02:30 on 29 Mar 2026 does not exist in Europe/Berlin: the clocks go forward from 02:00 to "
                    + "03:00 (UTC+1 to UTC+2). Choose another time, e.g. 03:00.",
                    b.js("return arguments[0].helperText", b.el("#due-change")));
            b.shot("classroom-due-dialog-gap-1280");
            setDue("#due-change", "2020-01-06T09:00");
            String label = redrawn(d -> {
                String t = (String) b.js("return arguments[0].label", d.findElement(By.id("due-change")));
                return t.contains("UTC+1") ? t : null;
            });
            assertEquals("Due, your time: Europe/Berlin, UTC+1", label);
            b.el("#due-save").click();
            String says = redrawn(d -> {
                String t = d.findElement(By.id("assignment-hopfield-basics")).getText();
                return t.contains("2020") ? t : null;
            });
            assertTrue(says.endsWith("due 6 Jan 2020, 08:00 UTC (09:00 your time)"), says);
            String grid = redrawn(d -> {
                String t = String.join("\n", d.findElements(By.cssSelector(
                        "#dashboard-grid vaadin-grid-cell-content")).stream().map(WebElement::getText).toList());
                return t.contains(alice) && t.contains("late") ? t : null;
            });
            // the column's header: a short date in the teacher's time, the whole one in its tooltip
            assertTrue(grid.contains("✓ 1 try") && grid.contains("due 6 Jan 2020, 09:00"), grid);
            assertTrue(!grid.contains("08:00 UTC"), grid);
            String title = (String) b.js("return arguments[0].parentElement.title",
                    b.el("#dashboard-grid .column-due"));
            assertEquals("hopfield-basics is due 6 Jan 2020, 08:00 UTC (09:00 your time)", title);
            String csv = (String) b.js("return fetch(arguments[0].href).then(r => r.text())", b.el("#grades-csv"));
            assertTrue(csv.split("\r\n")[0].contains(",joined as,hopfield-basics due,"), csv);
            assertTrue(csv.contains(",2020-01-06T08:00Z,1,"), csv); // completes, the first task, was tried late
            b.shotAtWidth("classroom-assignments-late-1280", 1280, "#class-assignments");
            b.shotAtWidth("classroom-assignments-late-390", 390, "#class-assignments");
            b.shotAtWidth("classroom-dashboard-late-1280", 1280, "#dashboard");
            // the due date (UTC and local time) on the exercise's badge and its assignment wraps at 390 px
            assertEquals("", sideways(), "sticks out at 390 px");
            b.shotAtWidth("classroom-dashboard-late-390", 390, "#dashboard");

            // the student reads that submissions closed at the due date, before trying to submit
            signInAs(alice);
            driver.get(created[1]);
            assertEquals("closed, was due 6 Jan 2020, 08:00 UTC (09:00 your time)",
                    b.el("[id^='open-due-']").getText());
            assertTrue(b.el("#student-assignments-hint").getText().contains("submissions close at the due date"));
            b.el("vaadin-button[id^='open-']").click();
            assertEquals("Submissions closed at the due date, 6 Jan 2020, 08:00 UTC (09:00 your time).",
                    b.el("#submit-due").getText());
            b.shotAtWidth("classroom-student-closed-1280", 1280, "#submit-due");
            b.el("vaadin-button[id^='open-']").click(); // again: shotAtWidth reloads the page (next test)
            b.shotAtWidth("classroom-student-closed-390", 390, "#submit-due");
            b.el("vaadin-button[id^='open-']").click();
            b.el("#submit-due");
            assertEquals("", sideways(), "the student's page sticks out at 390 px");
            signInAs(teacher);
            driver.get(created[1]);
            b.el("#dashboard-grid");

            b.clickCentered("#withdraw-hopfield-basics");
            String question = b.el("#withdraw-question").getText();
            assertTrue(question.contains("1 student has submitted 1 try to it. Nothing is deleted"), question);
            b.shot("classroom-withdraw-question-1280");
            b.shotAtPhoneWidth("classroom-withdraw-question-390", Duration.ofMillis(400));
            Thread.sleep(400); // the dialog's layout back at the desktop width
            b.clickCentered("#withdraw-confirm");
            redrawn(d -> d.findElement(By.id("class-assignments")).getText().contains("Nothing assigned yet")
                    ? true : null);
            String left = redrawn(d -> {
                String t = d.findElement(By.id("dashboard")).getText();
                return t.contains("withdrawn") ? t : null;
            });
            assertTrue(!left.contains("hopfield-basics /"), left); // off the dashboard
            // which says it is withdrawn and that the student's try is kept
            String note = b.el("#withdrawn-hopfield-basics").getText();
            assertTrue(note.endsWith("(hopfield-basics): withdrawn, 1 try from 1 student kept"), note);
            b.shotAtWidth("classroom-dashboard-withdrawn-1280", 1280, "#dashboard");
            b.shotAtWidth("classroom-dashboard-withdrawn-390", 390, "#dashboard");
            // the exercise is offered again, with an Assign button
            WebElement again = redrawn(d -> d.findElements(By.id("assign-hopfield-basics")).stream().findFirst()
                    .orElse(null));
            b.js("arguments[0].scrollIntoView({block: 'center'})", again);
            Thread.sleep(300);
            b.shot("classroom-withdrawn-1280");
            b.js("arguments[0].click()", again);
            String back = redrawn(d -> {
                String t = String.join("\n", d.findElements(By.cssSelector(
                        "#dashboard-grid vaadin-grid-cell-content")).stream().map(WebElement::getText).toList());
                return t.contains("hopfield-basics") && t.contains(alice) ? t : null;
            });
            assertTrue(back.contains("✓ 1 try") && !back.contains("late"), back);
            assertTrue(driver.findElements(By.id("dashboard-withdrawn")).isEmpty(), "still said to be withdrawn");
        } finally {
            chrome.executeCdpCommand("Emulation.setTimezoneOverride", java.util.Map.of("timezoneId", ""));
        }
    }

    /** Sets a due-date field (a vaadin-date-time-picker) to a local date and time, as if typed. */
    void setDue(String css, String local) {
        b.js("const p = arguments[0]; p.value = arguments[1]; "
                + "p.dispatchEvent(new CustomEvent('change', {bubbles: true}));", b.el(css), local);
    }

    /**
     * The Assign due-date field takes the teacher's own time (Berlin's here), names the zone with its offset at the
     * date chosen, says what the time is in UTC, refuses a time the clocks skip (with the reason, where the teacher
     * looks) and stores the instant meant. Screenshots of the field at 1280 and 390 px.
     */
    @Test
    void aTeacherTypesTheDueDateInTheirOwnTimeZone() throws Exception {
        String teacher = "teacher-tz-" + Long.toString(System.nanoTime(), 36);
        accounts.signUp(teacher, PASSWORD);
        org.openqa.selenium.chrome.ChromeDriver chrome = (org.openqa.selenium.chrome.ChromeDriver) driver;
        chrome.executeCdpCommand("Emulation.setTimezoneOverride", java.util.Map.of("timezoneId", "Europe/Berlin"));
        try {
            signInAs(teacher);
            teacherCreatesClass("Zone class", false);
            setDue("#assign-due", "2099-07-01T12:00");
            String helper = redrawn(d -> {
                String t = d.findElement(By.id("assign-due")).getText();
                return t.contains("2099") ? t : null;
            });
            assertTrue(helper.contains("1 Jul 2099, 10:00 UTC (12:00 your time)."), helper);
            assertEquals("Due (optional), your time: Europe/Berlin, UTC+2",
                    b.js("return arguments[0].label", b.el("#assign-due"))); // summer time in July
            b.shotAtWidth("classroom-assign-local-zone-1280", 1280, "#assign-box");
            // set again: the page is found reloaded after Browser.shotAtWidth (a window variable set before it is gone
            // after it, with the code before this change too), so what was typed is not there any more
            setDue("#assign-due", "2099-07-01T12:00");
            redrawn(d -> ((String) b.js("return arguments[0].label", d.findElement(By.id("assign-due"))))
                    .endsWith("UTC+2") ? true : null);
            b.shotAtWidth("classroom-assign-local-zone-390", 390, "#assign-box");

            setDue("#assign-due", "2099-03-29T02:30");
            b.clickCentered("#assign-modern-family");
            String refused = redrawn(d -> {
                String t = d.findElement(By.id("class-message")).getText();
                return t.isEmpty() ? null : t;
            });
            assertTrue(refused.startsWith("02:30 on 29 Mar 2099 does not exist in Europe/Berlin"), refused);
            assertEquals(1, driver.findElements(By.cssSelector("#class-exercises [id^='assigned-']")).size());

            setDue("#assign-due", "2099-07-01T12:00");
            redrawn(d -> d.findElement(By.id("assign-due")).getText().contains("2099") ? true : null);
            b.clickCentered("#assign-modern-family");
            String badge = redrawn(d -> d.findElements(By.id("assigned-modern-family")).stream().findFirst()
                    .map(WebElement::getText).orElse(null));
            assertEquals("Assigned, due 1 Jul 2099, 10:00 UTC (12:00 your time)", badge);
        } finally {
            chrome.executeCdpCommand("Emulation.setTimezoneOverride", java.util.Map.of("timezoneId", ""));
        }
    }

    /**
     * At phone width (390 px), whatever on the page reaches past the window's right edge (the grid's own cells, which
     * it scrolls inside itself, aside); empty when nothing does.
     */
    String sideways() throws InterruptedException {
        driver.manage().window().setSize(new Dimension(390, Browser.PHONE.height));
        Thread.sleep(600);
        try {
            return (String) b.js("const out = [], w = window.innerWidth;"
                    + "for (const e of document.querySelectorAll('body *')) { const q = e.getBoundingClientRect();"
                    + " if (q.right > w + 1 && q.width > 0 && !e.closest('vaadin-grid'))"
                    + "  out.push(e.tagName + '#' + e.id + '.' + e.className + ' to ' + Math.round(q.right)); }"
                    + "return out.join(' | ');");
        } finally {
            driver.manage().window().setSize(Browser.WINDOW);
            Thread.sleep(300);
        }
    }

    /** Waits for a condition on a part of the page the server may be drawing again meanwhile (stale elements). */
    <T> T redrawn(java.util.function.Function<org.openqa.selenium.WebDriver, T> condition) {
        return b.waitFor(d -> {
            try {
                return condition.apply(d);
            } catch (StaleElementReferenceException e) {
                return null;
            }
        });
    }

    /**
     * From a wide window to phone width (390 px: a phone turned, a window narrowed) the open assignment's lab fits its
     * frame at every frame drawn on the way, not only once it has refitted its charts: the lab's document inside the
     * iframe never scrolls wider than the frame, and the student's page itself does not scroll sideways either.
     * Screenshots of the lab at 1280 and 390 px.
     */
    void labFitsItsFrameOnAPhone() throws IOException, InterruptedException {
        String overflowing = """
                const d = document, de = d.documentElement, w = de.clientWidth, out = [];
                for (const el of d.querySelectorAll('body *')) {
                  const r = el.getBoundingClientRect();
                  if (r.width > 0 && r.right > w + 0.5 && out.length < 8)
                    out.push(el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + ' right=' + Math.round(r.right));
                }
                return de.scrollWidth + ' > ' + w + ': ' + out.join(', ');""";
        // samples the lab's document at each animation frame from now on, keeping the first overflow it sees
        String sample = """
                // (headless Chromium passes the frame through a few tens of pixels while the window resizes: skipped)
                window.hlWidest = '';
                const t0 = performance.now();
                const tick = () => {
                  const de = document.documentElement;
                  if (!window.hlWidest && de.clientWidth >= 300 && de.scrollWidth > de.clientWidth) window.hlWidest = (%s)();
                  if (performance.now() - t0 < 4000) requestAnimationFrame(tick);
                };
                requestAnimationFrame(tick);""".formatted("() => {" + overflowing + "}");
        driver.manage().window().setSize(new Dimension(1280, Browser.WINDOW.height));
        b.js("arguments[0].scrollIntoView({block: 'start'})", b.el("#class-lab"));
        driver.switchTo().frame(b.el("#class-lab"));
        try {
            b.waitFor(d -> "complete".equals(b.js("return document.readyState"))
                    && (Boolean) b.js("return !!document.querySelector('#exercise .ex-task')") ? true : null);
            Thread.sleep(500); // the charts drawn at this width
            b.js(sample);
        } finally {
            driver.switchTo().defaultContent();
        }
        b.shot("classroom-student-lab-1280");
        try {
            driver.manage().window().setSize(Browser.PHONE);
            b.waitFor(d -> (Boolean) b.js("return document.documentElement.clientWidth <= 390") ? true : null);
            Thread.sleep(1500); // the lab refits its charts 120 ms after a resize
            b.js("arguments[0].scrollIntoView({block: 'start'})", b.el("#class-lab"));
            Thread.sleep(300);
            b.shot("classroom-student-lab-390");
            String page = (String) b.js(overflowing);
            boolean pageFits = page.startsWith(b.js("return document.documentElement.clientWidth") + " ");
            driver.switchTo().frame(b.el("#class-lab"));
            try {
                String during = (String) b.js("return window.hlWidest");
                assertEquals("", during, "the lab scrolled sideways in its frame on the way to 390 px");
                String after = (String) b.js(overflowing);
                assertTrue(after.startsWith(b.js("return document.documentElement.clientWidth") + " "),
                        "the lab scrolls sideways in its frame at 390 px: " + after);
            } finally {
                driver.switchTo().defaultContent();
            }
            assertTrue(pageFits, "the student's page scrolls sideways at 390 px: " + page);
        } finally {
            driver.manage().window().setSize(Browser.WINDOW);
        }
    }

    /** Creates a class as the signed-in teacher with the built-in course and "hopfield-basics" assigned. */
    String[] teacherCreatesClass(String name, boolean pseudonyms) {
        driver.get(url("/classes"));
        b.type("#class-name", name);
        if (pseudonyms) {
            b.el("#class-pseudonyms").click();
        }
        b.el("#create-class").click();
        String code = b.el("#class-code").getText();
        assertTrue(code.matches("[A-Z2-9]{8}"), code);
        b.el("#import-course").click();
        b.el("#assign-hopfield-basics").click();
        b.waitFor(d -> d.findElement(By.id("class-assignments")).getText().contains("Hopfield") ? true : null);
        // the assigned exercise shows as assigned, not with another Assign; the others keep theirs
        assertEquals("Assigned", b.el("#assigned-hopfield-basics").getText());
        assertTrue(driver.findElements(By.id("assign-hopfield-basics")).isEmpty(), "Assign still offered");
        assertEquals(1, driver.findElements(By.cssSelector("#class-exercises [id^='assigned-']")).size());
        assertTrue(driver.findElements(By.cssSelector("#class-exercises vaadin-button[id^='assign-']")).size() > 0);
        try {
            b.shotAtWidth("classroom-exercises-assigned-1280", 1280, "#class-exercises");
            b.shotAtWidth("classroom-exercises-assigned-390", 390, "#class-exercises");
            b.el("#class-code");
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
        String classUrl = driver.getCurrentUrl();
        return new String[] {code, classUrl, classUrl.substring(classUrl.lastIndexOf('/') + 1)};
    }

    /**
     * Forges what the lab in the iframe tells its parent after a check: an answer for a task, with claims of
     * success the real lab never sends. The student page takes only the task and the answer into the form.
     */
    void labSays(String task, String answer) {
        driver.switchTo().frame(b.el("#class-lab"));
        try {
            b.waitFor(d -> "complete".equals(b.js("return document.readyState")) ? true : null);
            b.js("window.parent.postMessage({type: 'hopfield-lab:answer', task: arguments[0], answer: arguments[1], "
                    + "verdict: 'right', status: 'right', correct: true, summary: 'Right: well done'}, '*')",
                    task, answer);
        } finally {
            driver.switchTo().defaultContent();
        }
        b.waitFor(d -> answer.equals(b.value("#submit-answer")) ? true : null);
        b.waitFor(d -> b.el("#submit-task").getText().contains(task) ? true : null);
    }

    /**
     * Submits the form and returns the server's new verdict ("right: …"/"wrong: …") or its refusal ("refused: …",
     * which must differ from the message shown before, so callers submit different refusals in a row).
     */
    String submitForm() {
        List<WebElement> before = driver.findElements(By.id("submit-verdict"));
        String oldMessage = driver.findElement(By.id("class-message")).getText();
        WebElement submit = b.el("#submit");
        b.js("arguments[0].scrollIntoView({block: 'center'})", submit); // as a student scrolls to it
        submit.click();
        try {
            return awaitVerdict(before, oldMessage);
        } catch (TimeoutException e) {
            try {
                b.shot("classroom-submit-timeout");
            } catch (IOException ignored) {
                // the message below still says what the page showed
            }
            throw new AssertionError("no verdict or new message; the page shows: "
                    + driver.findElement(By.tagName("body")).getText() + "\nconsole: " + b.console(), e);
        }
    }

    String awaitVerdict(List<WebElement> before, String oldMessage) {
        return b.waitFor(d -> {
            try {
                List<WebElement> v = d.findElements(By.id("submit-verdict"));
                if (!v.isEmpty() && !before.contains(v.get(0))) {
                    return v.get(0).getAttribute("data-status") + ": " + v.get(0).getText();
                }
                String m = d.findElement(By.id("class-message")).getText();
                return m.isEmpty() || m.equals(oldMessage) ? null : "refused: " + m;
            } catch (StaleElementReferenceException x) {
                return null; // the old verdict was just removed
            }
        });
    }

    List<String> dashboardCells() {
        b.el("#dashboard-grid");
        return driver.findElements(By.cssSelector("#dashboard-grid vaadin-grid-cell-content")).stream()
                .map(WebElement::getText).toList();
    }

    /** The texts of the dashboard row that starts with the student's name, up to the next row. */
    List<String> dashboardRow(String student, int columns) {
        List<String> cells = b.waitFor(d -> {
            List<String> c = dashboardCells();
            return c.contains(student) ? c : null;
        });
        int i = cells.indexOf(student);
        return cells.subList(i, Math.min(cells.size(), i + columns + 2));
    }

    /**
     * Assign with a due date in the past, pressed far down the exercise list: the refusal is scrolled into view,
     * not left at the top of the page where the teacher does not see it.
     */
    @Test
    void aRefusedAssignShowsItsMessageWhereTheTeacherLooks() throws Exception {
        String teacher = "teacher-due-" + Long.toString(System.nanoTime(), 36);
        accounts.signUp(teacher, PASSWORD);
        signInAs(teacher);
        teacherCreatesClass("Due class", false);
        b.js("const p = arguments[0]; p.value = '2020-01-06T09:00'; "
                + "p.dispatchEvent(new CustomEvent('change', {bubbles: true}));", b.el("#assign-due"));
        dueInViewAtTheAssign("#assign-modern-family", 390, "classroom-assign-due-390");
        dueInViewAtTheAssign("#assign-modern-family", 1280, "classroom-assign-due-1280");
        driver.manage().window().setSize(Browser.WINDOW);
        b.clickCentered("#assign-modern-family");
        String message = b.waitFor(d -> {
            String t = d.findElement(By.id("class-message")).getText();
            return t.isEmpty() ? null : t;
        });
        assertEquals("The due date is in the past.", message);
        b.waitFor(d -> (Boolean) b.js("const r = arguments[0].getBoundingClientRect(); "
                + "return r.top >= 0 && r.bottom <= window.innerHeight;", d.findElement(By.id("class-message")))
                ? true : null);
        b.shot("classroom-assign-refused-1280");
    }

    /**
     * The due date is read with the Assign it is for: at this window width, with {@code assign} (far down the list)
     * scrolled into view as a teacher scrolls to it, the due field is in the window too, not under anything (the
     * navigation bar), and it says that it is for the Assign buttons below it.
     */
    void dueInViewAtTheAssign(String assign, int width, String shot) throws IOException, InterruptedException {
        driver.manage().window().setSize(new Dimension(width, width <= Browser.PHONE.width ? Browser.PHONE.height
                : Browser.WINDOW.height));
        Thread.sleep(400);
        b.js("arguments[0].scrollIntoView({block: 'end'})", b.el(assign));
        Thread.sleep(200);
        WebElement due = b.el("#assign-due");
        String seen = (String) b.js("const due = arguments[0], a = arguments[1].getBoundingClientRect();"
                + "const d = due.getBoundingClientRect();"
                + "const hit = document.elementFromPoint(d.left + Math.min(d.width / 2, 40), d.top + d.height / 2);"
                + "const h = window.innerHeight + 1;" // block 'end' may leave a fraction of a pixel over
                + "if (a.top < 0 || a.bottom > h) return 'the Assign is not in view: ' + a.top + '..' + a.bottom "
                + "+ ' of ' + window.innerHeight;"
                + "if (d.top < 0 || d.bottom > h) return 'the due field is out of view: ' + d.top + '..' + d.bottom;"
                + "if (!hit || !(hit === due || due.contains(hit))) return 'the due field is under ' "
                + "+ (hit && hit.outerHTML.slice(0, 80));"
                + "return 'in view';", due, b.el(assign));
        assertEquals("in view", seen, "at " + width + " px");
        String says = (String) b.js("return arguments[0].textContent", due);
        assertTrue(says.contains("assign below"), says);
        b.shot(shot);
    }

    @Test
    void aForgedCorrectClaimIsGradedFromTheAnswerAndTheDashboardShowsTheServersVerdict() throws Exception {
        String suffix = Long.toString(System.nanoTime(), 36);
        String teacher = "teacher-" + suffix;
        String mallory = "mallory-" + suffix;
        for (String u : List.of(teacher, mallory)) {
            accounts.signUp(u, PASSWORD);
        }
        signInAs(teacher);
        String[] c = teacherCreatesClass("Forgery class", false);

        signInAs(mallory);
        driver.get(url("/classes?join=" + c[0]));
        // a pseudonym in a class that allows none: the message is under the name field, the code is not marked
        b.type("#join-pseudonym", "Mal");
        b.el("#join-class").click();
        String nameError = b.waitFor(d -> "true".equals(d.findElement(By.id("join-pseudonym")).getDomProperty("invalid"))
                ? d.findElement(By.id("join-pseudonym")).getDomProperty("errorMessage") : null);
        assertTrue(nameError.contains("does not allow pseudonyms"), nameError);
        assertEquals("false", driver.findElement(By.id("join-code")).getDomProperty("invalid"));
        b.shot("classroom-join-name-refused-1280");
        b.shotAtWidth("classroom-join-name-refused-390", 390, "#join-pseudonym"); // and reads the page afresh
        b.el("#join-class").click();
        b.el("[id^='open-']").click();

        // (a) the lab "says" the choice b is correct: the server grades b itself, and b is wrong
        labSays("completes", "b");
        String a = submitForm();
        assertTrue(a.startsWith("wrong: "), a);

        // (b) a spec that changes a locked key (the seed) is refused, with the key named, under the form
        Task damage = Course.get("hopfield-basics").task("damage");
        String lockedChanged = SpecCodec.format(SpecCodec.parseOnto(damage.spec().toBuilder(),
                "flip=0.3&mask=0&seed=99"));
        labSays("damage", lockedChanged);
        String locked = submitForm();
        assertTrue(locked.startsWith("refused: ") && locked.contains("locked") && locked.contains("seed"), locked);
        assertTrue(b.el("#class-message").isDisplayed(), "the refusal is on screen");

        // (c) another exercise's reference spec (right there) is refused here
        String foreign = CourseSolutions.all().stream()
                .filter(s -> s.exercise().equals("capacity") && s.task().equals("many") && s.expect().equals("right"))
                .findFirst().orElseThrow().answer();
        labSays("damage", foreign);
        String other = submitForm();
        assertTrue(other.startsWith("refused: ") && !other.equals(locked), other);

        // the student's own list holds the one graded try, as the server graded it
        String mine = b.waitFor(d -> {
            String t = d.findElement(By.id("my-submissions")).getText();
            return t.contains("completes") ? t : null;
        });
        String summary = a.substring("wrong: ".length());
        assertTrue(mine.contains(summary.substring(0, Math.min(20, summary.length()))), mine + " / " + summary);

        signInAs(teacher);
        driver.get(c[1]);
        int columns = Course.get("hopfield-basics").tasks().size();
        List<String> row = dashboardRow(mallory, columns);
        int completes = Course.get("hopfield-basics").tasks().stream().map(Task::id).toList().indexOf("completes");
        int damaged = Course.get("hopfield-basics").tasks().stream().map(Task::id).toList().indexOf("damage");
        assertTrue(row.get(1 + completes).startsWith("✗ 1 try"), row.toString());
        assertEquals("—", row.get(1 + damaged), row.toString());
        assertEquals("0 / " + columns, row.get(1 + columns), row.toString());
        assertTrue(b.el("#common-wrong").getText().contains("“b” × 1"), b.el("#common-wrong").getText());
    }

    @Test
    void pseudonymousStudentsJoinWithoutAnAccountWhereTheTeacherAllowsIt() throws Exception {
        String suffix = Long.toString(System.nanoTime(), 36);
        String teacher = "teacher-" + suffix;
        accounts.signUp(teacher, PASSWORD);
        signInAs(teacher);
        String[] open = teacherCreatesClass("Open class " + suffix, true);
        // the whole address, a link the teacher can copy and a student can open
        assertEquals(url("/join/" + open[0]), b.el("#class-join-link").getText());
        assertEquals(url("/join/" + open[0]), b.el("#class-join-link").getAttribute("href"));
        String[] strict = teacherCreatesClass("Strict class " + suffix, false);

        // no account: a class that does not allow pseudonyms asks to sign in
        b.clearCookies(url(""));
        driver.get(url("/join/" + strict[0]));
        assertTrue(b.el("#join-needs-account").getText().contains("sign in"), b.el("#join-needs-account").getText());
        assertTrue(driver.findElements(By.id("guest-name")).isEmpty());

        // one that does: a name is all it takes
        driver.get(url("/join/" + open[0].toLowerCase()));
        assertEquals("Join Open class " + suffix, b.el("#join-title").getText());
        b.shotAtPhoneWidth("classroom-guest-join-phone", Duration.ZERO);
        b.type("#guest-name", "Pseudo Pat");
        b.el("#guest-join").click();
        b.waitFor(d -> d.getCurrentUrl().endsWith("/guest/" + open[2]) ? true : null);
        assertEquals("Pseudo Pat", b.el("#guest-self").getText());
        Cookie cookie = driver.manage().getCookieNamed("hl-guest-" + open[2]);
        assertTrue(cookie != null && cookie.isHttpOnly() && cookie.getValue().matches("[A-Za-z0-9_-]{43}"),
                String.valueOf(cookie));
        assertEquals("Lax", cookie.getSameSite());

        // the guest solves and submits; the server grades
        b.el("[id^='open-']").click();
        labSays("completes", "a");
        String verdict = submitForm();
        assertTrue(verdict.startsWith("right: "), verdict);
        b.waitFor(d -> d.findElement(By.id("my-submissions")).getText().contains("completes") ? true : null);
        b.shot("classroom-guest-desktop");

        // the name is unique in the class, in any letter case (another browser: no cookie)
        b.clearCookies(url(""));
        driver.get(url("/join/" + open[0]));
        b.type("#guest-name", "pseudo PAT");
        b.el("#guest-join").click();
        assertTrue(b.el("#join-error").getText().contains("already uses the name"), b.el("#join-error").getText());
        b.type("#guest-name", "Quinn");
        b.el("#guest-join").click();
        assertEquals("Quinn", b.el("#guest-self").getText());
        assertTrue(b.el("#my-submissions").getText().indexOf("completes") < 0, "Quinn sees no one else's tries");

        // back to the first guest's browser: no account pages, no other class
        b.clearCookies(url(""));
        driver.get(url("/join/" + open[0]));
        driver.manage().addCookie(cookie);
        for (String page : List.of("/sessions", "/classes", "/class/" + open[2], "/class/" + strict[2])) {
            driver.get(url(page));
            b.waitFor(d -> d.getCurrentUrl().contains("/login") ? true : null);
        }
        driver.get(url("/guest/" + strict[2]));
        assertTrue(b.el("#guest-missing").isDisplayed());
        driver.get(url("/join/" + open[0])); // a browser that joined goes straight to its class
        b.waitFor(d -> d.getCurrentUrl().endsWith("/guest/" + open[2]) ? true : null);
        assertEquals("Pseudo Pat", b.el("#guest-self").getText());
        assertTrue(b.el("#my-submissions").getText().contains("completes"));

        // the teacher sees both guests under their names, with the server's verdicts
        signInAs(teacher);
        driver.manage().window().setSize(new Dimension(1280, 900));
        driver.get(open[1]);
        int columns = Course.get("hopfield-basics").tasks().size();
        int completes = Course.get("hopfield-basics").tasks().stream().map(Task::id).toList().indexOf("completes");
        List<String> pat = dashboardRow("Pseudo Pat", columns);
        assertTrue(pat.get(1 + completes).startsWith("✓ 1 try"), pat.toString());
        List<String> quinn = dashboardRow("Quinn", columns);
        assertEquals("—", quinn.get(1 + completes), quinn.toString());
        b.js("document.getElementById('dashboard').scrollIntoView({block: 'start'})");
        b.shot("classroom-dashboard-1280");
        driver.manage().window().setSize(Browser.PHONE);
        b.js("document.querySelector('.class-view').scrollIntoView({block: 'start'})");
        b.shot("classroom-class-top-390");
        b.js("document.getElementById('dashboard').scrollIntoView({block: 'start'})");
        b.shot("classroom-dashboard-390");
        driver.manage().window().setSize(Browser.WINDOW);
    }
}
