package org.hopfieldlab.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import org.hopfieldlab.batch.sweep.SweepDefinition;
import org.hopfieldlab.batch.sweep.SweepPresets;
import org.hopfieldlab.sim.spec.SpecCodec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The capacity × noise presets run from the sweep form to a heat map with the theory's line (AGS for the discrete
 * network, the labelled α_c reference for IDP), at 1 trial per cell to stay quick. Screenshots at desktop (1280) and
 * phone (390) width go to /tmp/server-shots (override with -Dshots.dir).
 */
@ServerTest
class CapacityHeatmapIT {
    static final String USER = "cap-" + Long.toString(System.nanoTime(), 36);
    static final String PASSWORD = "a long password";
    static Browser b;
    static WebDriver driver;

    @LocalServerPort
    int port;

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

    @Test
    void capacityPresetsDrawTheirHeatMapsWithTheLine() throws IOException {
        driver.get(url("/signup"));
        b.type("#signup-username", USER);
        b.type("#signup-password", PASSWORD);
        b.type("#signup-confirm", PASSWORD);
        b.el("#signup-submit").click();
        b.el("#login-notice");
        b.login(url(""), USER, PASSWORD);
        run("capacity-discrete", "220");
        shots("13-capacity-discrete");
        run("capacity-idp", "64");
        shots("13-capacity-idp");
    }

    /** Fills the form with the preset's definition (as a user pasting it would), 1 trial per cell. */
    void run(String preset, String cells) throws IOException {
        SweepDefinition def = SweepPresets.get(preset).definition();
        driver.manage().window().setSize(new Dimension(1280, 1000));
        driver.get(url("/sweeps"));
        b.type("#sweep-title", SweepPresets.get(preset).title());
        b.type("#sweep-base", SpecCodec.format(def.base()));
        b.type("#sweep-x", def.x().format());
        b.type("#sweep-y", def.y().format());
        b.type("#sweep-trials", "1");
        try {
            b.waitFor(d -> b.el("#sweep-estimate").getText().contains(cells + " cells × 1 trials"));
        } catch (RuntimeException e) {
            b.shot(preset + "-form-failed");
            throw e;
        }
        b.js("arguments[0].scrollIntoView({block: 'center'})", b.el("#sweep-run"));
        b.el("#sweep-run").click();
        // a loaded 2-core machine runs the 220 discrete cells in about a minute
        new WebDriverWait(driver, java.time.Duration.ofMinutes(5))
                .until(d -> b.el("#sweep-status").getText().contains("completed"));
        b.waitFor(d -> cells.equals(b.el("hopfield-sweep-chart").getAttribute("data-cells")));
        assertEquals(cells, b.el("hopfield-sweep-chart").getAttribute("data-cells"));
    }

    void shots(String name) throws IOException {
        b.js("arguments[0].scrollIntoView({block: 'start'})", b.el("hopfield-sweep-chart"));
        b.shot(name + "-desktop");
        driver.manage().window().setSize(new Dimension(390, 844));
        b.waitFor(d -> (Boolean) b.js("return arguments[0].getBoundingClientRect().width < 400",
                b.el("hopfield-sweep-chart")) ? true : null);
        b.js("arguments[0].scrollIntoView({block: 'start'})", b.el("hopfield-sweep-chart"));
        b.shot(name + "-phone");
    }
}
