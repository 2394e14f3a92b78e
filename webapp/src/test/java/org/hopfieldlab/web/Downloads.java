package org.hopfieldlab.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A download folder for a test browser: Chromium saves exports there; tests empty it and read the files back. */
final class Downloads {
    final Path dir;

    Downloads() throws IOException {
        dir = Files.createTempDirectory("lab-downloads-");
    }

    /** The browser options that send downloads here without asking. */
    void configure(ChromeOptions o) {
        o.setExperimentalOption("prefs", Map.of("download.default_directory", dir.toString(),
                "download.prompt_for_download", false, "profile.default_content_setting_values.automatic_downloads", 1));
    }

    /** Allows downloads in a started browser (headless Chromium needs it said twice). */
    void allow(ChromeDriver d) {
        d.executeCdpCommand("Browser.setDownloadBehavior", Map.of("behavior", "allow", "downloadPath", dir.toString()));
    }

    void clear() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        }
    }

    /** Clicks an entry of the page's Export menu and returns the file Chromium saved. */
    Path export(ChromeDriver d, String kind, String suffix) {
        d.findElement(By.cssSelector("[data-section=export] summary")).click();
        d.findElement(By.cssSelector("[data-export='" + kind + "']")).click();
        Path[] found = new Path[1];
        new WebDriverWait(d, Duration.ofSeconds(20)).until(x -> {
            try (Stream<Path> files = Files.list(dir)) {
                found[0] = files.filter(f -> f.toString().endsWith(suffix)).findFirst().orElse(null);
                return found[0] != null && Files.size(found[0]) > 0;
            } catch (IOException e) {
                return false;
            }
        });
        return found[0];
    }
}
