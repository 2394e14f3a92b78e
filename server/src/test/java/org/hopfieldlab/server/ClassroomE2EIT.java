package org.hopfieldlab.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import org.hopfieldlab.server.account.AccountService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The classroom in headless Chromium against the whole server: a teacher creates a class and assigns a built-in
 * exercise; two students join with the code and submit (one right, one wrong — graded by the server); the teacher's
 * dashboard shows both. Screenshots (desktop and phone) go to {@code shots.dir} (default /tmp/server-shots).
 */
@ServerTest
class ClassroomE2EIT {
    static final String PASSWORD = "a long password";
    static Browser b;
    static WebDriver driver;

    @LocalServerPort
    int port;
    @Autowired
    AccountService accounts;

    @BeforeAll
    static void browser() throws IOException {
        b = new Browser();
        driver = b.driver;
    }

    @AfterAll
    static void close() {
        if (b != null) {
            b.close();
        }
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    void signInAs(String user) {
        driver.manage().deleteAllCookies();
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
    void teacherAssignsStudentsSubmitDashboardShowsBoth() throws IOException {
        String suffix = Long.toString(System.nanoTime(), 36);
        String teacher = "teacher-" + suffix;
        String alice = "alice-" + suffix;
        String bob = "bob-" + suffix;
        for (String u : List.of(teacher, alice, bob)) {
            accounts.signUp(u, PASSWORD);
        }

        signInAs(teacher);
        driver.get(url("/classes"));
        b.type("#class-name", "E2E class");
        b.el("#create-class").click();
        String code = b.el("#class-code").getText();
        assertTrue(code.matches("[A-Z2-9]{8}"), code);
        b.el("#import-course").click();
        b.el("#assign-hopfield-basics").click();
        b.waitFor(d -> d.findElement(By.id("class-assignments")).getText().contains("Hopfield") ? true : null);
        String classUrl = driver.getCurrentUrl();

        String right = studentSubmits(alice, code, "a");
        assertTrue(right.startsWith("right: "), right);
        b.waitFor(d -> d.findElement(By.id("my-submissions")).getText().contains("completes") ? true : null);
        b.shot("classroom-student-desktop");
        driver.manage().window().setSize(new Dimension(390, 844));
        b.shot("classroom-student-phone");
        driver.manage().window().setSize(new Dimension(1440, 1000));

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
        b.shot("classroom-teacher-dashboard");
        driver.manage().window().setSize(new Dimension(390, 844));
        b.shot("classroom-teacher-phone");
        driver.manage().window().setSize(new Dimension(1440, 1000));
    }
}
