package org.hopfieldlab.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import org.hopfieldlab.server.account.AccountService;
import org.hopfieldlab.server.classroom.ClassroomService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A pseudonymous student gets back to their work in headless Chromium, with the teacher in a second browser: the
 * guest joins and is shown a return code, submits, loses the cookie, is refused with a wrong code (one plain
 * message), comes back with name and code and sees the earlier work; the teacher gives a new code, which ends the
 * student's open page and the old code; the new code works. And: a student signs out of a shared computer (asked
 * first, shown the code), locks their name with wrong codes, and gets in with the teacher's new code. Screenshots
 * (1280 and 390 px) of the code on the guest's page, the join page with "I have joined before", the teacher's
 * new-code dialog, the sign-out dialog and page, a taken name and a locked name go to {@code shots.dir} (default
 * /tmp/server-shots).
 */
@ServerTest
@ExtendWith(ServerLogErrors.class)
class GuestReturnE2EIT {
    static final String PASSWORD = "a long password";
    static final String CODE = "[A-HJKMNP-Z2-9]{5}-[A-HJKMNP-Z2-9]{5}";
    static Browser student;
    static Browser teacher;

    @LocalServerPort
    int port;
    @Autowired
    AccountService accounts;

    @BeforeAll
    static void browsers() throws IOException {
        student = new Browser();
        teacher = new Browser();
    }

    @AfterAll
    static void close() {
        for (Browser b : new Browser[] {student, teacher}) {
            if (b != null) {
                b.close();
            }
        }
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** Desktop and phone screenshots, each scrolled so that the element {@code css} is in view. */
    static void shots(Browser b, String name, String css) throws IOException {
        for (int width : new int[] {1280, 390}) {
            b.driver.manage().window().setSize(new Dimension(width, width > 400 ? 900 : 844));
            b.js("arguments[0].scrollIntoView({block: 'center'})", b.el(css));
            b.shot(name + "-" + width);
        }
        b.driver.manage().window().setSize(new Dimension(1280, 900));
    }

    /** Opens "I have joined before" on the join page and sends name and code. */
    void returnWith(String classCode, String name, String code) {
        student.driver.get(url("/join/" + classCode));
        student.el("#join-title");
        if (student.driver.findElements(By.cssSelector("#joined-before[opened]")).isEmpty()) {
            student.el("#joined-before vaadin-details-summary").click();
        }
        student.type("#return-name", name);
        student.type("#return-code", code);
        student.el("#guest-return").click();
    }

    String returnError() {
        return student.waitFor(d -> {
            String t = d.findElement(By.id("return-error")).getText();
            return t.isEmpty() ? null : t;
        });
    }

    void awaitGuestPage(String classId) {
        student.waitFor(d -> d.getCurrentUrl().endsWith("/guest/" + classId) ? true : null);
    }

    String mySubmissions() {
        return student.el("#my-submissions").getText();
    }

    /** Both browsers start from nothing: off the app's pages (an open Vaadin page could race), no cookies. */
    @BeforeEach
    void freshBrowsers() {
        for (Browser b : new Browser[] {student, teacher}) {
            b.driver.get("about:blank");
            b.driver.manage().deleteAllCookies();
            b.driver.manage().window().setSize(new Dimension(1280, 900));
        }
    }

    /** A class the teacher made: join code, id and the teacher's page of it. */
    record Made(String code, String id, String url) {
    }

    /** A new teacher signs in and makes a class that allows pseudonymous students, with one exercise assigned. */
    Made teacherMakesAClass(String suffix) {
        String teacherName = "teacher-" + suffix;
        accounts.signUp(teacherName, PASSWORD);
        teacher.login(url(""), teacherName, PASSWORD);
        teacher.driver.get(url("/classes"));
        teacher.type("#class-name", "Return class " + suffix);
        teacher.el("#class-pseudonyms").click();
        teacher.el("#create-class").click();
        String classCode = teacher.el("#class-code").getText();
        teacher.el("#import-course").click();
        teacher.el("#assign-hopfield-basics").click();
        teacher.waitFor(d -> d.findElement(By.id("class-assignments")).getText().contains("Hopfield") ? true : null);
        String classUrl = teacher.driver.getCurrentUrl();
        return new Made(classCode, classUrl.substring(classUrl.lastIndexOf('/') + 1), classUrl);
    }

    /** The student joins under {@code name} and submits the first task's right answer; returns their code. */
    String studentJoinsAndWorks(Made c, String name) {
        student.driver.get(url("/join/" + c.code()));
        student.type("#guest-name", name);
        student.el("#guest-join").click();
        awaitGuestPage(c.id());
        String code = student.el("#return-code-box #return-code-value").getText();
        student.el("#return-code-done").click();
        student.el("[id^='open-']").click();
        student.el("#class-lab");
        student.type("#submit-answer", "a");
        student.el("#submit").click();
        assertEquals("right", student.el("#submit-verdict").getAttribute("data-status"));
        return code;
    }

    /** The teacher's dashboard: a new code for the (only) guest, read from the dialog and closed. */
    String teacherGivesANewCode(Made c, String name) {
        teacher.driver.get(c.url());
        teacher.waitFor(d -> d.findElements(By.cssSelector("#dashboard-grid vaadin-grid-cell-content")).stream()
                .anyMatch(e -> e.getText().equals(name)) ? true : null);
        WebElement reissue = teacher.el("#dashboard-grid [id^='reissue-']");
        teacher.js("arguments[0].scrollIntoView({block: 'center', inline: 'center'})", reissue);
        reissue.click();
        teacher.el("#reissue-confirm").click();
        String fresh = teacher.el("#reissued-code").getText();
        teacher.el("#reissue-close").click();
        return fresh;
    }

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    /**
     * A guest whom V11 renamed to "name#userId" (their name clashed in some letter case; V12 keeps the chosen name):
     * on their next visit the page tells them the new name, once; the teacher's dashboard shows the name they chose.
     */
    @Test
    void aGuestRenamedByTheUpgradeIsToldOnceAndTheTeacherSeesWho() throws IOException {
        String suffix = Long.toString(System.nanoTime(), 36);
        Made c = teacherMakesAClass(suffix);
        studentJoinsAndWorks(c, "Nikos");
        long id = jdbc.sql("select user_id from class_member where class_id = ? and display_name = 'Nikos'")
                .param(Long.parseLong(c.id())).query(Long.class).single();
        String renamed = "Nikos#" + id;
        // what V11 and V12 leave of a member whose name clashed with an earlier 'NIKOS'
        jdbc.sql("update class_member set display_name = ?, name_key = ?, renamed_from = 'Nikos' where user_id = ?")
                .params(renamed, renamed.toLowerCase(), id).update();

        student.driver.get(url("/guest/" + c.id()));
        String notice = student.el("#rename-notice").getText();
        assertTrue(notice.contains("\u201c" + renamed + "\u201d") && notice.contains("\u201cNikos\u201d"), notice);
        assertEquals(renamed, student.el("#guest-self").getText());
        shots(student, "guest-renamed-notice", "#rename-notice");
        student.driver.navigate().refresh();
        student.el("#guest-self");
        assertTrue(student.driver.findElements(By.id("rename-notice")).isEmpty(), "told once");

        teacher.driver.get(c.url());
        WebElement was = teacher.el("#dashboard-grid .renamed-from");
        assertEquals("renamed: joined as \u201cNikos\u201d", was.getText());
        shots(teacher, "dashboard-renamed", "#dashboard-grid");
    }

    @Test
    void aLockedOutStudentGetsInWithTheTeachersNewCodeAndSignsOutOfASharedComputer() throws IOException {
        String suffix = Long.toString(System.nanoTime(), 36);
        Made c = teacherMakesAClass(suffix);
        String code = studentJoinsAndWorks(c, "Sam Park");
        Cookie cookie = student.driver.manage().getCookieNamed("hl-guest-" + c.id());

        // "Sign out of this browser" asks first, with the name and code to write down; "Stay signed in" changes nothing
        student.el("#guest-sign-out").click();
        assertEquals(code, student.el("#sign-out-code").getText());
        assertEquals("Sam Park", student.el("#sign-out-name").getText());
        shots(student, "guest-sign-out-confirm", "#sign-out-confirm");
        student.el("#sign-out-cancel").click();
        student.waitFor(d -> d.findElements(By.id("sign-out-dialog")).isEmpty() ? true : null);
        student.driver.navigate().refresh();
        assertEquals("Sam Park", student.el("#guest-self").getText());

        // signed out: the page says how to come back, the cookie is gone, and a copy of it opens nothing
        student.el("#guest-sign-out").click();
        student.el("#sign-out-confirm").click();
        assertTrue(student.el("#guest-signed-out").isDisplayed());
        assertTrue(student.driver.findElements(By.id("my-submissions")).isEmpty(), "no work left on the page");
        assertNull(student.driver.manage().getCookieNamed("hl-guest-" + c.id()));
        shots(student, "guest-signed-out", "#guest-signed-out-join");
        student.driver.manage().addCookie(cookie);
        student.driver.get(url("/guest/" + c.id()));
        student.el("#guest-missing");
        student.clearCookies(url(""));

        // the next person at this computer, or the student again typing their name to join: pointed to the way back
        student.driver.get(url("/join/" + c.code()));
        student.type("#guest-name", "sam park");
        student.el("#guest-join").click();
        String taken = student.waitFor(d -> {
            String t = d.findElement(By.id("join-error")).getText();
            return t.isEmpty() ? null : t;
        });
        assertTrue(taken.contains("I have joined before"), taken);
        student.el("#joined-before[opened]");
        assertEquals("sam park", student.value("#return-name"));
        shots(student, "guest-name-taken", "#joined-before");

        // five wrong codes lock the name; then even the right code is refused, with the wait and what to do
        String wrong = code.startsWith("A") ? "BBBBB-BBBBB" : "AAAAA-AAAAA";
        for (int i = 0; i < 5; i++) {
            returnWith(c.code(), "Sam Park", wrong);
            assertEquals(ClassroomService.WRONG_RETURN, returnError());
        }
        returnWith(c.code(), "Sam Park", code);
        String locked = returnError();
        assertTrue(locked.matches("Too many wrong tries; wait \\d+ s, then try again\\."), locked);
        shots(student, "guest-locked", "#return-error");

        // the teacher gives a new code: the lock is lifted with it, and the student is back at once to their work
        String fresh = teacherGivesANewCode(c, "Sam Park");
        assertNotEquals(code, fresh);
        returnWith(c.code(), "Sam Park", fresh);
        awaitGuestPage(c.id());
        assertEquals("Sam Park", student.el("#guest-self").getText());
        assertTrue(mySubmissions().contains("completes"), mySubmissions());
        student.el("#show-return-code").click();
        assertEquals(fresh, student.el("#return-code-value").getText());
    }

    @Test
    void aGuestComesBackWithNameAndCodeAndATeacherReissueRevokesTheOldCode() throws IOException {
        String suffix = Long.toString(System.nanoTime(), 36);
        Made made = teacherMakesAClass(suffix);
        String classCode = made.code();
        String classUrl = made.url();
        String classId = made.id();

        // the student joins: their page opens with the return code to write down
        student.driver.get(url("/join/" + classCode));
        student.type("#guest-name", "Robin Lane");
        student.el("#guest-join").click();
        awaitGuestPage(classId);
        String code = student.el("#return-code-box #return-code-value").getText();
        assertTrue(code.matches(CODE), code);
        shots(student, "guest-return-code", "#return-code-box");
        student.el("#return-code-done").click();
        student.waitFor(d -> d.findElement(By.id("show-return-code")).isDisplayed() ? true : null);
        assertFalse(student.driver.findElement(By.id("return-code-box")).isDisplayed(), "hidden once written down");
        Cookie first = student.driver.manage().getCookieNamed("hl-guest-" + classId);

        // and does some work
        student.el("[id^='open-']").click();
        student.el("#class-lab");
        student.type("#submit-answer", "a"); // the first task, "completes", is preselected
        student.el("#submit").click();
        WebElement verdict = student.el("#submit-verdict");
        assertEquals("right", verdict.getAttribute("data-status"), verdict.getText());

        // the cookies are gone (another laptop, a wiped browser): the join page, not the class
        student.clearCookies(url(""));
        student.driver.get(url("/join/" + classCode));
        assertEquals("Join Return class " + suffix, student.el("#join-title").getText());
        student.el("#joined-before vaadin-details-summary").click();
        student.type("#return-name", "Robin Lane");
        student.type("#return-code", code);
        shots(student, "guest-joined-before", "#guest-return");

        // a wrong code: one plain message, no cookie
        String wrong = code.startsWith("A") ? "BBBBB-BBBBB" : "AAAAA-AAAAA";
        returnWith(classCode, "Robin Lane", wrong);
        assertEquals(ClassroomService.WRONG_RETURN, returnError());
        assertNull(student.driver.manage().getCookieNamed("hl-guest-" + classId));
        // a name nobody has gets the very same words
        returnWith(classCode, "Nobody " + suffix, code);
        assertEquals(ClassroomService.WRONG_RETURN, returnError());
        shots(student, "guest-wrong-code", "#return-error");

        // name in another case, code in lower case without the dash: back, with the earlier work and the same code
        returnWith(classCode, "robin lane", code.toLowerCase().replace("-", ""));
        awaitGuestPage(classId);
        assertEquals("Robin Lane", student.el("#guest-self").getText());
        assertTrue(mySubmissions().contains("completes"), mySubmissions());
        student.el("#show-return-code").click();
        assertEquals(code, student.el("#return-code-value").getText());
        Cookie second = student.driver.manage().getCookieNamed("hl-guest-" + classId);
        assertTrue(second != null && second.isHttpOnly(), String.valueOf(second));
        assertNotEquals(first.getValue(), second.getValue());

        // the cookie of the first browser no longer works
        student.clearCookies(url(""));
        student.driver.manage().addCookie(first);
        student.driver.get(url("/guest/" + classId));
        assertTrue(student.el("#guest-missing").getText().contains("I have joined before"));
        student.clearCookies(url(""));
        student.driver.manage().addCookie(second);
        student.driver.get(url("/guest/" + classId));
        assertEquals("Robin Lane", student.el("#guest-self").getText());

        // the student forgot the code: the teacher gives a new one from the dashboard, shown once
        teacher.driver.get(classUrl);
        List<String> before = teacher.waitFor(d -> {
            List<String> t = d.findElements(By.cssSelector("#dashboard-grid vaadin-grid-cell-content")).stream()
                    .map(WebElement::getText).toList();
            return t.contains("Robin Lane") ? t : null;
        });
        assertTrue(before.contains("Return code"), before.toString());
        WebElement reissue = teacher.el("#dashboard-grid [id^='reissue-']");
        assertEquals("New code", reissue.getText());
        teacher.js("arguments[0].scrollIntoView({block: 'center', inline: 'center'})", reissue);
        reissue.click();
        teacher.el("#reissue-confirm").click();
        String fresh = teacher.el("#reissued-code").getText();
        assertTrue(fresh.matches(CODE), fresh);
        assertNotEquals(code, fresh);
        teacher.driver.manage().window().setSize(new Dimension(1280, 900));
        teacher.shot("guest-teacher-new-code-1280");
        teacher.driver.manage().window().setSize(new Dimension(390, 844));
        teacher.shot("guest-teacher-new-code-390");
        teacher.el("#reissue-close").click();

        // the student's open page can no longer act, and a reload finds no way in
        student.el("[id^='open-']").click();
        String refused = student.waitFor(d -> {
            String t = d.findElement(By.id("class-message")).getText();
            return t.isEmpty() ? null : t;
        });
        assertTrue(refused.contains("no longer in the class"), refused);
        student.driver.get(url("/guest/" + classId));
        student.el("#guest-missing");

        // the old code is refused; the new one brings the student back to the same work
        returnWith(classCode, "Robin Lane", code);
        assertEquals(ClassroomService.WRONG_RETURN, returnError());
        returnWith(classCode, "Robin Lane", fresh);
        awaitGuestPage(classId);
        assertTrue(mySubmissions().contains("completes"), mySubmissions());
        student.el("#show-return-code").click();
        assertEquals(fresh, student.el("#return-code-value").getText());
    }
}
