package org.hopfieldlab.server;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.hopfieldlab.server.account.AccountService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A server with a Spark master configured (local[2], the real hopfield-spark.jar), in headless Chromium: the form says
 * a large sweep goes to Spark, the sweep page names the engine and follows the child to 100 %. Screenshots (desktop
 * 1280 and phone 390 wide) go to /tmp/server-shots.
 */
@SpringBootTest(classes = ServerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"hopfield.data-dir=./target/test-db/${random.uuid}", "hopfield.sweep.threads=2",
            "hopfield.sweep.max-runs=5000", "hopfield.sweep.spark.master=local[2]",
            "hopfield.sweep.spark.jar=../spark/target/hopfield-spark.jar", "hopfield.sweep.spark.min-runs=40"})
class SparkSweepE2EIT extends ServerInBrowser {
    @Autowired
    AccountService accounts;

    @BeforeAll
    void sparkIsPackaged() {
        assertTrue(Files.isRegularFile(Path.of("../spark/target/hopfield-spark.jar")), "spark/ is packaged first");
    }

    @Test
    void aLargeSweepRunsOnSparkAndThePageSaysSo() throws Exception {
        String user = "spark-e2e-" + Long.toString(System.nanoTime(), 36);
        accounts.signUp(user, "a long password");
        driver.manage().window().setSize(new Dimension(1280, 1000));
        b.login(url(""), user, "a long password");
        driver.get(url("/sweeps"));
        fillSweepForm("Spark noise sweep", "v=1&model=idp&n=128&p=6&t=9&in=0:d1,3:d2,6:d3&noise=8", "noise=0,2,4,8",
                "model=idp,classic", "2");
        b.waitFor(d -> b.el("#sweep-estimate").getText().contains("8 cells × 2 trials = 16 runs · about"));
        b.type("#sweep-trials", "6");
        b.waitFor(d -> b.el("#sweep-estimate").getText()
                .equals("8 cells × 6 trials = 48 runs · runs on Apache Spark (local[2])"));
        assertTrue(b.el("#sweep-caps").getText().contains("Sweeps of 40 runs or more run on Apache Spark (local[2])."),
                b.el("#sweep-caps").getText());
        b.js("arguments[0].scrollIntoView({block: 'center'})", b.el("#sweep-estimate"));
        b.shot("spark-01-form-desktop");
        driver.manage().window().setSize(Browser.PHONE);
        b.js("arguments[0].scrollIntoView({block: 'center'})", b.el("#sweep-estimate"));
        b.shot("spark-02-form-phone");
        driver.manage().window().setSize(new Dimension(1280, 1000));
        b.clickCentered("#sweep-run");
        b.waitFor(d -> b.el("#sweep-engine").getText().equals("Runs on Apache Spark (local[2])"));
        b.shot("spark-03-running-desktop");
        b.waitFor(Duration.ofSeconds(240), d -> b.el("#sweep-status").getText().contains("completed"));
        b.waitFor(d -> b.el("#sweep-engine").getText().equals("Ran on Apache Spark (local[2])"));
        assertTrue(b.el("#sweep-progress-text").getText().startsWith("8 / 8 cells"));
        b.shot("spark-04-done-desktop");
        driver.manage().window().setSize(Browser.PHONE);
        b.shot("spark-05-done-phone");
    }
}
