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
import org.junit.jupiter.api.Test;
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
 * student's open page and the old code; the new code works. Screenshots (1280 and 390 px) of the code on the
 * guest's page, the join page with "I have joined before", and the teacher's new-code dialog go to
 * {@code shots.dir} (default /tmp/server-shots).
 */
@ServerTest
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

    @Test
    void aGuestComesBackWithNameAndCodeAndATeacherReissueRevokesTheOldCode() throws IOException {
        String suffix = Long.toString(System.nanoTime(), 36);
        String teacherName = "teacher-" + suffix;
        accounts.signUp(teacherName, PASSWORD);

        // the teacher makes a class that allows pseudonymous students, with one exercise assigned
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
        String classId = classUrl.substring(classUrl.lastIndexOf('/') + 1);

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
        student.driver.manage().deleteAllCookies();
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
        student.driver.manage().deleteAllCookies();
        student.driver.manage().addCookie(first);
        student.driver.get(url("/guest/" + classId));
        assertTrue(student.el("#guest-missing").getText().contains("I have joined before"));
        student.driver.manage().deleteAllCookies();
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
