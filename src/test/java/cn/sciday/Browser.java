package cn.sciday;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;

/** Headless Debian Chromium for browser tests, and axe-core checks. Tests skip, saying why, without Chromium. */
public final class Browser {

    static final String CHROMIUM = System.getenv().getOrDefault("SCIDAY_CHROMIUM", "/usr/bin/chromium");
    static final String DRIVER = System.getenv().getOrDefault("SCIDAY_CHROMEDRIVER", "/usr/bin/chromedriver");

    private Browser() {
    }

    /** Skips the calling test, with the reason, when Chromium or its driver is not installed. */
    public static void assumeAvailable() {
        Assumptions.assumeTrue(new File(CHROMIUM).canExecute() && new File(DRIVER).canExecute(),
                "Browser tests need Debian's chromium and chromium-driver (" + CHROMIUM + ", " + DRIVER
                        + "); .ci/run installs them");
    }

    public static ChromeDriver open(int width, int height) {
        assumeAvailable();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--disable-extensions", "--lang=zh-CN", "--window-size=" + width + "," + height);
        try {
            options.addArguments("--user-data-dir=" + Files.createTempDirectory("sciday-chrome"));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(DRIVER))
                .usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(width, height));
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return driver;
    }

    /** Runs axe-core (WCAG 2.1 A and AA) on the current page and fails on any serious or critical violation. */
    public static void assertAccessible(ChromeDriver driver, String what) {
        Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
                .analyze(driver);
        List<Rule> bad = results.getViolations().stream()
                .filter(v -> "serious".equals(v.getImpact()) || "critical".equals(v.getImpact()))
                .toList();
        String report = bad.stream().map(v -> v.getId() + " (" + v.getImpact() + "): " + v.getHelp() + " at "
                + v.getNodes().stream().limit(3).map(n -> String.valueOf(n.getTarget())).collect(Collectors.joining("; ")))
                .collect(Collectors.joining("\n"));
        assertThat(bad).as("axe-core violations on " + what + ":\n" + report).isEmpty();
        assertThat(results.getPasses()).as("axe-core ran rules on " + what).isNotEmpty();
    }

    /**
     * Presses a button or link with the keyboard (Enter), as a keyboard user would, and waits until the next page has
     * loaded. More robust than a mouse click on small headless windows, where a click can land on another element.
     */
    public static void press(ChromeDriver driver, org.openqa.selenium.WebElement element) {
        Object marker = driver.executeScript("window.__sdPage = Math.random(); return window.__sdPage;");
        element.sendKeys(org.openqa.selenium.Keys.ENTER);
        new org.openqa.selenium.support.ui.WebDriverWait(driver, java.time.Duration.ofSeconds(20))
                .until(d -> !String.valueOf(marker).equals(String.valueOf(
                        ((ChromeDriver) d).executeScript("return window.__sdPage;"))));
    }

    /** Saves a screenshot under target/screenshots for a person to look at. */
    public static void screenshot(ChromeDriver driver, String name) {
        try {
            Path dir = Path.of("target", "screenshots");
            Files.createDirectories(dir);
            Files.write(dir.resolve(name + ".png"),
                    driver.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
