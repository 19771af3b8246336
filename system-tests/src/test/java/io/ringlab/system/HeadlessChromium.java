package io.ringlab.system;

import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Debian's Chromium, headless, driven by Debian's chromedriver: both named by path, so that Selenium Manager never
 * looks for (or downloads) a browser or a driver. {@code bin/install-deps test} installs them when missing.
 */
final class HeadlessChromium {

    static final Path BROWSER = Path.of(System.getProperty("ringlab.test.chromium", "/usr/bin/chromium"));
    static final Path DRIVER = Path.of(System.getProperty("ringlab.test.chromedriver", "/usr/bin/chromedriver"));
    static final Path SCREENSHOTS = Path.of("target", "dashboard-screenshots");

    private HeadlessChromium() {}

    static ChromeDriver start() {
        if (!Files.isExecutable(BROWSER) || !Files.isExecutable(DRIVER)) {
            throw new IllegalStateException("no " + BROWSER + " or " + DRIVER
                    + ": install Debian's chromium and chromium-driver (bin/install-deps test does)");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        options.addArguments(
                "--headless=new",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--window-size=1440,2000",
                "--no-first-run",
                "--disable-extensions",
                "--lang=en-GB");
        if ("root".equals(System.getProperty("user.name"))) {
            // Chromium's sandbox cannot start as root; the page is the project's own, on loopback
            options.addArguments("--no-sandbox");
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort()
                .build();
        return new ChromeDriver(service, options);
    }

    /** Saves what the browser shows as a PNG under {@code target/dashboard-screenshots}; returns its path. */
    static Path screenshot(ChromeDriver browser, String name) throws IOException {
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.createDirectories(SCREENSHOTS);
        Path target = SCREENSHOTS.resolve(name + ".png").toAbsolutePath();
        Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        System.out.println("screenshot: " + target);
        return target;
    }
}
