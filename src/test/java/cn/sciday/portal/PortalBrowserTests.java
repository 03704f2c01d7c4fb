package cn.sciday.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

import cn.sciday.Browser;
import cn.sciday.RecordingSmsSender;
import cn.sciday.TestClockConfiguration;
import cn.sciday.web.Role;

/**
 * The public portal in headless Chromium on the demo data, at 360px and at desktop width, in normal and elderly
 * mode: find an activity with the filters (htmx updates the list), open it, follow 报名 to the login page, log in
 * with a mobile code, sign up and see the e-ticket; the organizing unit's staff checks the ticket in; calendar and map
 * by keyboard; notices. axe-core on every page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "sciday.demo.mode=on")
@ActiveProfiles("test")
@Import(TestClockConfiguration.class)
class PortalBrowserTests {

    static final String NIGHT = "第三届江门科普嘉年华分会场·科技馆奇妙夜";

    @LocalServerPort
    int port;
    @Autowired
    RecordingSmsSender sms;
    @Autowired
    cn.sciday.account.Accounts accounts;
    @Autowired
    cn.sciday.organization.Organizations organizations;

    ChromeDriver driver;
    String mode;

    @AfterEach
    void quit() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void onAPhone() {
        findSignUpAndBrowse(360, 800, false, "13900000361");
    }

    @Test
    void onAPhoneInElderlyMode() {
        findSignUpAndBrowse(360, 800, true, "13900000362");
    }

    @Test
    void onADesktop() {
        findSignUpAndBrowse(1280, 900, false, "13900001280");
    }

    @Test
    void onADesktopInElderlyMode() {
        findSignUpAndBrowse(1280, 900, true, "13900001281");
    }

    private void findSignUpAndBrowse(int width, int height, boolean elderly, String mobile) {
        driver = Browser.open(width, height);
        mode = width + (elderly ? "-elderly" : "");
        driver.get(url(elderly ? "/?elderly=on" : "/"));
        if (elderly) {
            assertThat(driver.findElement(By.tagName("body")).getAttribute("class")).contains("elderly");
        }
        check("home");
        assertThat(driver.findElement(By.cssSelector(".hero .brand-label")).getText()).isEqualTo("2021年全国科普日活动");

        press(driver.findElement(By.cssSelector(".hero-actions a[href='/activities']")));
        waitFor(d -> d.getCurrentUrl().endsWith("/activities"));
        check("list");

        driver.executeScript("window.__samePage = true;");
        new Select(driver.findElement(By.id("f-division"))).selectByVisibleText("江海区");
        waitFor(d -> d.getCurrentUrl().contains("division="));
        driver.findElement(By.id("f-seats")).sendKeys(Keys.SPACE);
        waitFor(d -> d.getCurrentUrl().contains("seats=on"));
        WebElement q = driver.findElement(By.id("f-q"));
        q.sendKeys("奇妙夜");
        q.sendKeys(Keys.ENTER);
        waitFor(d -> d.getCurrentUrl().contains("q=") && cards().size() == 1);
        assertThat(driver.findElement(By.id("result-count")).getText()).isEqualTo("共找到 1 项活动");
        assertThat(cards()).containsExactly(NIGHT);
        assertThat(driver.findElement(By.id("f-division")).getAttribute("value")).isNotEmpty();
        assertThat(driver.executeScript("return window.__samePage === true;")).as("htmx updated the list in place")
                .isEqualTo(true);
        check("list-filtered");

        press(driver.findElement(By.linkText(NIGHT)));
        waitFor(d -> d.findElements(By.id("activity-title")).size() == 1);
        check("activity");
        assertThat(driver.findElement(By.cssSelector(".brand-label-large")).getText()).isEqualTo("2021年全国科普日活动");
        readAloud();

        String activityUrl = driver.getCurrentUrl();
        press(driver.findElement(By.cssSelector(".signup-box a.btn-primary")));
        waitFor(d -> d.getCurrentUrl().endsWith("/login"));
        logIn(mobile);
        // after logging in, the sign-up form the person asked for opens
        waitFor(d -> d.getCurrentUrl().contains("/signup"));
        assertThat(driver.getCurrentUrl()).startsWith(activityUrl + "/signup");
        assertThat(driver.findElement(By.cssSelector("main .lead")).getText()).isEqualTo(NIGHT);
        assertThat(driver.findElement(By.id("name")).isDisplayed()).isTrue();
        check("signup-form");
        driver.findElement(By.id("name")).sendKeys("陈奶奶");
        press(driver.findElement(By.cssSelector("main form[action$='/signup'] button[type=submit]")));
        waitFor(d -> d.getCurrentUrl().contains("/tickets/"));
        String code = driver.findElement(By.cssSelector(".ticket-code")).getText();
        assertThat(driver.findElement(By.tagName("main")).getText()).contains(NIGHT).contains("陈奶奶");
        check("ticket");
        checkInAsTheOrganizer(activityUrl, code, elderly);

        driver.get(url("/activities/calendar?month=2021-09"));
        check("calendar");
        List<WebElement> days = driver.findElements(By.cssSelector("table.calendar td a"));
        assertThat(days.size()).isGreaterThan(1);
        days.get(0).sendKeys(Keys.ARROW_RIGHT);
        assertThat(driver.switchTo().activeElement().getAttribute("href")).isEqualTo(days.get(1).getAttribute("href"));
        driver.switchTo().activeElement().sendKeys(Keys.ENTER);
        waitFor(d -> d.getCurrentUrl().contains("day="));
        assertThat(driver.findElements(By.cssSelector("#day .activity-card"))).isNotEmpty();

        driver.get(url("/activities/map"));
        check("map");
        assertThat(driver.findElements(By.cssSelector("svg a.region"))).hasSize(7);
        driver.executeScript("document.querySelector('svg a.region').focus();");
        WebElement region = driver.switchTo().activeElement();
        assertThat(region.getTagName()).isEqualTo("a");
        String label = region.getAttribute("aria-label");
        region.sendKeys(Keys.ENTER);
        waitFor(d -> d.getCurrentUrl().contains("division="));
        String count = label.replaceAll(".*：(\\d+)项活动", "$1");
        assertThat(driver.findElement(By.id("result-count")).getText()).isEqualTo("共找到 " + count + " 项活动");

        driver.get(url("/notices"));
        check("notices");
        press(driver.findElement(By.partialLinkText("2021年江门市全国科普日活动方案")));
        waitFor(d -> d.findElements(By.id("notice-title")).size() == 1);
        check("notice");
        assertThat(driver.findElement(By.cssSelector("main")).getText()).contains("江府办函〔2021〕117号")
                .contains("江门市人民政府办公室").contains("2021年9月16日").contains("附件1");
    }

    /** The read-aloud controls appear only where the browser can speak; switched off, they stay off. */
    private void readAloud() {
        boolean speech = Boolean.TRUE.equals(driver.executeScript(
                "return 'speechSynthesis' in window && typeof SpeechSynthesisUtterance === 'function';"));
        WebElement box = driver.findElement(By.cssSelector("[data-read-aloud]"));
        assertThat(box.isDisplayed()).isEqualTo(speech);
        if (!speech) {
            return;
        }
        WebElement start = box.findElement(By.cssSelector("[data-read-start]"));
        WebElement toggle = box.findElement(By.cssSelector("[data-read-switch]"));
        assertThat(Boolean.TRUE.equals(driver.executeScript("return window.speechSynthesis.speaking;"))).isFalse();
        assertThat(start.isDisplayed()).isTrue();
        press(toggle);
        assertThat(toggle.getAttribute("aria-pressed")).isEqualTo("false");
        assertThat(start.isDisplayed()).isFalse();
        driver.navigate().refresh();
        waitFor(d -> d.findElement(By.cssSelector("[data-read-switch]")).getAttribute("aria-pressed").equals("false"));
        assertThat(driver.findElement(By.cssSelector("[data-read-start]")).isDisplayed()).isFalse();
        press(driver.findElement(By.cssSelector("[data-read-switch]")));
        assertThat(driver.findElement(By.cssSelector("[data-read-start]")).isDisplayed()).isTrue();
    }

    /** The organizing unit's staff logs in with a password, opens the check-in page and enters the ticket code. */
    private void checkInAsTheOrganizer(String activityUrl, String code, boolean elderly) {
        String username = "jh-kjg-" + mode;
        if (accounts.findStaff(username).isEmpty()) {
            long unit = organizations.findByName("江海区科技馆").orElseThrow().id();
            accounts.createStaff(username, "Kepu-Night-2021!", "江海区科技馆 值班员", null, Role.ORGANIZER, unit);
        }
        driver.manage().deleteAllCookies();
        driver.get(url(elderly ? "/login?elderly=on" : "/login"));
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys("Kepu-Night-2021!");
        press(driver.findElement(By.cssSelector("form[action$='/login'] button[type=submit]")));
        waitFor(d -> d.getCurrentUrl().endsWith("/workbench"));
        driver.get(activityUrl + "/check-in");
        check("check-in");
        driver.findElement(By.id("code")).sendKeys(code);
        press(driver.findElement(By.cssSelector("#checkin-form button[type=submit]")));
        waitFor(d -> d.findElement(By.tagName("main")).getText().contains("签到成功"));
        assertThat(driver.findElement(By.tagName("main")).getText()).contains("陈奶奶").contains(code);
        check("checked-in");
        driver.manage().deleteAllCookies();
        driver.get(url(elderly ? "/?elderly=on" : "/"));
    }

    private void logIn(String mobile) {
        driver.findElement(By.id("mobile")).sendKeys(mobile);
        press(driver.findElement(By.cssSelector("form[action$='/login/code'] button")));
        waitFor(d -> d.findElements(By.id("code")).size() == 1);
        driver.findElement(By.id("code")).sendKeys(sms.lastCode(mobile).orElseThrow());
        press(driver.findElement(By.cssSelector("form[action$='/login/mobile'] button")));
        waitFor(d -> !d.getCurrentUrl().contains("/login"));
    }

    private List<String> cards() {
        return driver.findElements(By.cssSelector("#results .activity-card-title a")).stream().map(WebElement::getText)
                .toList();
    }

    private void check(String page) {
        Browser.screenshot(driver, "portal-" + page + "-" + mode);
        Browser.assertAccessible(driver, page + " at " + mode);
        Object overflow = driver.executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(((Number) overflow).intValue()).as(page + " at " + mode + ": horizontal overflow in px")
                .isLessThanOrEqualTo(0);
    }

    /** Follows a link or presses a button with the keyboard, as a keyboard user would. */
    private void press(WebElement element) {
        driver.executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
        element.sendKeys(Keys.ENTER);
    }

    private void waitFor(java.util.function.Function<ChromeDriver, Boolean> condition) {
        new WebDriverWait(driver, Duration.ofSeconds(15)).ignoring(StaleElementReferenceException.class)
                .until(d -> condition.apply((ChromeDriver) d));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
