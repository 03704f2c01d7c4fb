package cn.sciday.activity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
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
import cn.sciday.TestClockConfiguration;
import cn.sciday.account.Accounts;
import cn.sciday.organization.CreditCode;
import cn.sciday.organization.OrganizationView;
import cn.sciday.organization.Organizations;
import cn.sciday.organization.UnitRegistration;
import cn.sciday.organization.UnitType;
import cn.sciday.web.Role;

/**
 * Issue 4's walk: one activity from draft to published across the three staff roles, each logging in through the
 * real /login page of a running server. The organizer fills the proposal form, uploads the epidemic-prevention plan
 * and submits; 江海区 endorses; the city publishes; then the organizer completes it. axe-core checks every page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestClockConfiguration.class)
class ActivityLifecycleBrowserTests {

    private static final AtomicInteger SEQ = new AtomicInteger();
    private static final String PASSWORD = "Browser-walk-2021";

    @LocalServerPort
    int port;
    @Autowired
    Accounts accounts;
    @Autowired
    Organizations organizations;

    ChromeDriver driver;

    @AfterEach
    void quit() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void oneActivityWalksFromDraftToPublishedThroughTheThreeStaffRoles() throws Exception {
        Browser.assumeAvailable();
        int n = SEQ.incrementAndGet() + (int) (System.nanoTime() % 100_000);
        OrganizationView jianghai = organizations.findByName("江海区").orElseThrow();
        OrganizationView school = organizations.createApprovedUnit(new UnitRegistration("浏览器测试中学" + n,
                UnitType.SCHOOL, CreditCode.complete("12440704BW" + String.format("%07d", n)), "梁老师",
                "0750-3862101", "江海区礼乐街道", jianghai.id()));
        String organizer = "walk-school-" + n;
        String coordinator = "walk-jianghai-" + n;
        String city = "walk-city-" + n;
        accounts.createStaff(organizer, PASSWORD, "梁老师", null, Role.ORGANIZER, school.id());
        accounts.createStaff(coordinator, PASSWORD, "江海区科协审核员", null, Role.COORDINATOR, jianghai.id());
        accounts.createStaff(city, PASSWORD, "市科协审核员", null, Role.CITY_ADMIN, organizations.city().id());
        Path plan = Files.createTempFile("plan", ".pdf");
        Files.write(plan, CompletionTestFiles.pdf());
        String name = "浏览器走查：趣味科学实验课" + n;

        driver = Browser.open(1280, 900);
        driver.get(url("/login"));
        Browser.assertAccessible(driver, "login page");

        // The organizer proposes, uploads the plan and submits.
        login(organizer);
        driver.get(url("/my/activities/new"));
        Browser.assertAccessible(driver, "new activity form");
        driver.findElement(By.id("name")).sendKeys(name);
        check("themes-2");
        check("format-OFFLINE");
        setValue("startsAt", "2021-10-16T09:00");
        setValue("endsAt", "2021-10-16T11:30");
        new Select(driver.findElement(By.id("divisionId"))).selectByVisibleText("江海区");
        driver.findElement(By.id("venue")).sendKeys("礼乐中学物理实验室");
        check("audiences-YOUTH");
        driver.findElement(By.id("expectedParticipants")).sendKeys("80");
        driver.findElement(By.id("summary")).sendKeys("带领学生动手完成趣味物理实验。");
        driver.findElement(By.id("description")).sendKeys("签到、演示、分组实验、答题。");
        driver.findElement(By.id("contactName")).sendKeys("梁老师");
        driver.findElement(By.id("contactPhone")).sendKeys("0750-3862101");
        press(driver.findElement(By.cssSelector("main form button[type=submit]")));
        assertThat(main()).as("saved as a draft").contains(name).contains("草稿").contains("疫情防控方案");
        String detail = driver.getCurrentUrl();
        assertThat(detail).matches(".*/activities/manage/\\d+$");
        Browser.assertAccessible(driver, "draft without a plan");

        driver.findElement(By.id("plan-file")).sendKeys(plan.toAbsolutePath().toString());
        press(driver.findElement(By.cssSelector("form[action$='/epidemic-plan'] button")));
        assertThat(main()).contains("疫情防控方案已上传").contains(plan.getFileName().toString());
        press(driver.findElement(By.cssSelector("form[action$='/submit'] button")));
        assertThat(main()).contains("已提交，待审核").contains("等待江海区审核");
        Browser.assertAccessible(driver, "submitted activity");
        driver.get(url("/my/activities"));
        Browser.assertAccessible(driver, "my activities");
        logout();

        // 江海区 endorses it from its review queue.
        login(coordinator);
        driver.get(url("/review"));
        Browser.assertAccessible(driver, "coordinator review queue");
        press(driver.findElement(By.linkText(name)));
        assertThat(main()).contains("疫情防控方案").contains(plan.getFileName().toString());
        Browser.assertAccessible(driver, "activity for the coordinator");
        press(driver.findElement(By.cssSelector("form[action$='/endorse'] button")));
        assertThat(main()).contains("归口单位已推荐，待市科协审核");
        logout();

        // The city publishes it.
        login(city);
        driver.get(url("/review"));
        Browser.assertAccessible(driver, "city review queue");
        press(driver.findElement(By.linkText(name)));
        press(driver.findElement(By.cssSelector("form[action$='/approve'] button")));
        assertThat(main()).contains("已发布").contains("2021年全国科普日活动").contains("完整度 0%");
        Browser.assertAccessible(driver, "published activity");
        driver.get(url("/completion"));
        Browser.assertAccessible(driver, "completion overview for the city");
        driver.get(url("/summaries"));
        Browser.assertAccessible(driver, "summaries for the city");
        logout();

        // The organizer starts its completion.
        login(organizer);
        driver.get(detail + "/completion");
        Browser.assertAccessible(driver, "completion page");
        check("link-kind");
        driver.findElement(By.id("link-title")).sendKeys("江门日报：趣味科学实验课走进礼乐中学");
        driver.findElement(By.id("link-url")).sendKeys("https://www.jmnews.cn/kepu/lile.html");
        press(driver.findElement(By.cssSelector("form[action$='/completion/links'] button")));
        assertThat(main()).contains("链接已添加").contains("完整度 25%");
        driver.get(url("/summaries"));
        Browser.assertAccessible(driver, "summaries for the unit");
        logout();
    }

    private void login(String username) {
        driver.get(url("/login"));
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(PASSWORD);
        press(driver.findElement(By.cssSelector("form[action$='/login'] button[type=submit]")));
        assertThat(driver.getCurrentUrl()).as("login of " + username + ": " + main()).endsWith("/workbench");
    }

    private void logout() {
        press(driver.findElement(By.cssSelector("form[action$='/logout'] button")));
    }

    /** Ticks a checkbox or chooses a radio button with the space bar. */
    private void check(String id) {
        WebElement box = driver.findElement(By.id(id));
        box.sendKeys(Keys.SPACE);
        assertThat(box.isSelected()).as(id + " selected").isTrue();
    }

    private void setValue(String id, String value) {
        driver.executeScript("document.getElementById(arguments[0]).value = arguments[1];", id, value);
    }

    /** Presses a button or link with the keyboard, as a keyboard user would, and waits for the next page. */
    private void press(WebElement element) {
        Object marker = driver.executeScript("window.__sd = Math.random(); return window.__sd;");
        element.sendKeys(Keys.ENTER);
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> !String.valueOf(marker).equals(
                String.valueOf(((ChromeDriver) d).executeScript("return window.__sd;"))));
    }

    private String main() {
        return driver.findElement(By.tagName("main")).getText();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
