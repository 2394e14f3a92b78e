package org.hopfieldlab.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.time.Duration;
import org.hopfieldlab.batch.sweep.SweepDefinition;
import org.hopfieldlab.batch.sweep.SweepPresets;
import org.hopfieldlab.sim.spec.SpecCodec;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;

/**
 * The capacity × noise presets run from the sweep form to a heat map with the theory's line (AGS for the discrete
 * network, the labelled α_c reference for IDP), at 1 trial per cell to stay quick. Screenshots at desktop (1280) and
 * phone (390) width go to /tmp/server-shots (override with -Dshots.dir).
 */
@ServerTest
class CapacityHeatmapIT extends ServerInBrowser {
    static final String USER = "cap-" + Long.toString(System.nanoTime(), 36);
    static final String PASSWORD = "a long password";

    @Test
    void capacityPresetsDrawTheirHeatMapsWithTheLine() throws IOException {
        signUpWithTheForm();
        b.login(url(""), USER, PASSWORD);
        run("capacity-discrete", "220");
        shots("13-capacity-discrete");
        run("capacity-idp", "64");
        shots("13-capacity-idp");
    }

    void signUpWithTheForm() {
        driver.get(url("/signup"));
        b.type("#signup-username", USER);
        b.type("#signup-password", PASSWORD);
        b.type("#signup-confirm", PASSWORD);
        b.el("#signup-submit").click();
        b.el("#login-notice");
    }

    /** Fills the form with the preset's definition (as a user pasting it would), 1 trial per cell. */
    void run(String preset, String cells) throws IOException {
        SweepDefinition def = SweepPresets.get(preset).definition();
        driver.manage().window().setSize(new Dimension(1280, 1000));
        driver.get(url("/sweeps"));
        fillSweepForm(SweepPresets.get(preset).title(), SpecCodec.format(def.base()), def.x().format(),
                def.y().format(), "1");
        try {
            b.waitFor(d -> b.el("#sweep-estimate").getText().contains(cells + " cells × 1 trials"));
        } catch (RuntimeException e) {
            b.shot(preset + "-form-failed");
            throw e;
        }
        b.clickCentered("#sweep-run");
        // a loaded 2-core machine runs the 220 discrete cells in about a minute
        b.waitFor(Duration.ofMinutes(5), d -> b.el("#sweep-status").getText().contains("completed"));
        b.waitFor(d -> cells.equals(b.el("hopfield-sweep-chart").getAttribute("data-cells")));
        assertEquals(cells, b.el("hopfield-sweep-chart").getAttribute("data-cells"));
    }

    void shots(String name) throws IOException {
        b.js("arguments[0].scrollIntoView({block: 'start'})", b.el("hopfield-sweep-chart"));
        b.shot(name + "-desktop");
        driver.manage().window().setSize(Browser.PHONE);
        b.waitFor(d -> (Boolean) b.js("return arguments[0].getBoundingClientRect().width < 400",
                b.el("hopfield-sweep-chart")) ? true : null);
        b.js("arguments[0].scrollIntoView({block: 'start'})", b.el("hopfield-sweep-chart"));
        b.shot(name + "-phone");
    }
}
