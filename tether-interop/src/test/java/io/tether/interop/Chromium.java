package io.tether.interop;

import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless pages in Debian's {@code chromium}, each driven through its own {@code chromium-driver}
 * process by Selenium (the binaries are given, so Selenium Manager downloads nothing).
 * {@code CHROME_BIN} and {@code CHROMEDRIVER} override the paths. Fails (never skips) when either
 * is missing: {@code tether-interop/install-browser.sh} (run by {@code ./tether test}) installs them.
 */
final class Chromium {
    private Chromium() {
    }

    /** Fails unless both binaries are there. */
    static void require() {
        driver();
        browser();
    }

    /** A new headless browser window with its own driver and profile (quit() stops both). */
    static ChromeDriver page() {
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(driver().toFile()).usingAnyFreePort()
                .withTimeout(Duration.ofSeconds(60)).build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(new File(browser().toString()));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1280,900", "--no-first-run", "--disable-extensions");
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60)).scriptTimeout(Duration.ofSeconds(30));
        return driver;
    }

    private static Path driver() {
        return binary("CHROMEDRIVER", "/usr/bin/chromedriver", "chromium-driver");
    }

    private static Path browser() {
        return binary("CHROME_BIN", "/usr/bin/chromium", "chromium");
    }

    private static Path binary(String env, String fallback, String debianPackage) {
        String configured = System.getenv(env);
        Path path = Path.of(configured == null || configured.isBlank() ? fallback : configured);
        if (!Files.isExecutable(path)) {
            fail("%s not found at %s: the browser tests need Debian's chromium and chromium-driver "
                    + "(apt-get install chromium chromium-driver; tether-interop/install-browser.sh does it; "
                    + "or set %s)", debianPackage, path, env);
        }
        return path;
    }
}
