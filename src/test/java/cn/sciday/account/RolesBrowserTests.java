package cn.sciday.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

import cn.sciday.Browser;
import cn.sciday.RecordingSmsSender;
import cn.sciday.TestClockConfiguration;

/** Each demo role logs in through the real pages and sees what it should, and nothing more. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "sciday.demo.mode=on")
@ActiveProfiles("test")
@Import(TestClockConfiguration.class)
class RolesBrowserTests {

    @LocalServerPort
    int port;
    @Autowired
    RecordingSmsSender sms;
    @Autowired
    Accounts accounts;
    ChromeDriver driver;

    @AfterEach
    void quit() {
        if (driver != null) {
            driver.quit();
        }
    }

    /** The public navigation everybody has; each role adds its own entries after it. */
    static final List<String> PUBLIC_NAV = List.of("首页", "找活动", "活动方案", "通知公告", "云上科普日");
    static final List<String> ORGANIZER_NAV = List.of("工作台", "我的活动", "信息完善", "工作总结", "个人设置");
    static final List<String> COORDINATOR_NAV = List.of("工作台", "我的活动", "信息完善", "工作总结", "活动审核", "统计",
            "单位审核", "个人设置");

    @Test
    void eachStaffRoleSeesItsOwnNavigationAndWork() {
        long school = unitOf("jh-school");
        long museum = unitOf("xh-museum");
        driver = Browser.open(1280, 900);
        driver.get(url("/login"));
        Browser.assertAccessible(driver, "login page with demo accounts");
        assertThat(driver.findElement(By.tagName("main")).getText()).contains("jh-school").contains("13800000000");

        login("admin");
        assertThat(nav()).containsExactlyElementsOf(nav("工作台", "我的活动", "信息完善", "工作总结", "活动审核", "统计",
                "单位审核", "系统管理", "个人设置"));
        driver.get(url("/units"));
        assertThat(main()).contains(DemoAccountsSeeder.SCHOOL, DemoAccountsSeeder.MUSEUM, DemoAccountsSeeder.COMMUNITY);
        driver.get(url("/admin/audit"));
        assertThat(heading()).doesNotContain("无权");
        logout();

        login("jianghai");
        assertThat(nav()).containsExactlyElementsOf(nav(COORDINATOR_NAV));
        // the coordinator's to-do list also holds the activities awaiting its review; pick the units' entry
        WebElement todo = driver.findElements(By.cssSelector(".todo-list a")).stream()
                .filter(a -> a.getText().contains("个单位等待审核")).findFirst().orElseThrow();
        Browser.assertAccessible(driver, "coordinator workbench");
        todo.click();
        assertThat(main()).contains(DemoAccountsSeeder.COMMUNITY).doesNotContain(DemoAccountsSeeder.MUSEUM);
        Browser.assertAccessible(driver, "units list");
        driver.get(url("/units"));
        assertThat(main()).contains(DemoAccountsSeeder.SCHOOL).doesNotContain(DemoAccountsSeeder.MUSEUM);
        assertRefused("/units/" + museum, "找不到");
        assertRefused("/admin", "无权");
        assertRefused("/admin/audit", "无权");
        logout();

        login("xinhui");
        assertThat(nav()).containsExactlyElementsOf(nav(COORDINATOR_NAV));
        driver.get(url("/units"));
        assertThat(main()).contains(DemoAccountsSeeder.MUSEUM).doesNotContain(DemoAccountsSeeder.SCHOOL)
                .doesNotContain(DemoAccountsSeeder.COMMUNITY);
        assertRefused("/units/" + school, "找不到");
        logout();

        for (String organizer : List.of("jh-school", "xh-museum")) {
            login(organizer);
            assertThat(nav()).as(organizer).containsExactlyElementsOf(nav(ORGANIZER_NAV));
            assertRefused("/units", "无权");
            assertRefused("/admin", "无权");
            assertRefused("/review", "无权");
            logout();
        }

        login("jh-community");
        assertThat(nav()).containsExactlyElementsOf(nav("工作台", "个人设置"));
        assertThat(main()).contains("等待江海区审核");
        Browser.assertAccessible(driver, "pending organizer workbench");
        assertRefused("/my/activities", "无权");
        assertRefused("/units", "无权");
        logout();
    }

    @Test
    void aCitizenLogsInWithAMobileCodeOnAPhoneInElderlyMode() {
        driver = Browser.open(360, 800);
        driver.get(url("/login?elderly=on"));
        driver.findElement(By.id("mobile")).sendKeys("13800000000");
        click(driver.findElement(By.cssSelector("form[action$='/login/code'] button")));
        String code = sms.lastCode("13800000000").orElseThrow();
        driver.findElement(By.id("code")).sendKeys(code);
        Browser.assertAccessible(driver, "code entry in elderly mode");
        click(driver.findElement(By.cssSelector("form[action$='/login/mobile'] button")));
        assertThat(driver.getCurrentUrl()).endsWith("/workbench");
        assertThat(driver.findElement(By.tagName("main")).getText()).contains("市民");
        assertThat(nav()).containsExactlyElementsOf(nav("工作台", "我的报名", "个人设置"));
        Browser.assertAccessible(driver, "citizen workbench at 360px");
        assertRefused("/units", "无权");
        assertRefused("/my/activities", "无权");
        assertRefused("/admin", "无权");
    }

    private void login(String username) {
        driver.get(url("/login"));
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(DemoAccountsSeeder.DEMO_PASSWORD);
        click(driver.findElement(By.cssSelector("form[action$='/login'] button[type=submit]")));
        assertThat(driver.getCurrentUrl()).as("login of " + username + ": "
                + driver.findElement(By.tagName("main")).getText()).endsWith("/workbench");
    }

    private void logout() {
        click(driver.findElement(By.cssSelector("form[action$='/logout'] button")));
    }

    /** Presses a button with the keyboard, as a keyboard user would, and waits for the next page. */
    private void click(WebElement element) {
        String before = driver.getCurrentUrl();
        Object marker = driver.executeScript("window.__sd = Math.random(); return window.__sd;");
        element.sendKeys(Keys.ENTER);
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> !String.valueOf(marker).equals(
                String.valueOf(((ChromeDriver) d).executeScript("return window.__sd;"))));
        assertThat(before).isNotNull();
    }

    /** Opens a page that the logged-in role must not reach and checks the error page's heading. */
    private void assertRefused(String path, String heading) {
        driver.get(url(path));
        assertThat(heading()).as(path).contains(heading);
    }

    private String heading() {
        return driver.findElement(By.tagName("h1")).getText();
    }

    private String main() {
        return driver.findElement(By.tagName("main")).getText();
    }

    private long unitOf(String username) {
        return accounts.findStaff(username).orElseThrow().organizationId();
    }

    private static List<String> nav(String... own) {
        return nav(List.of(own));
    }

    private static List<String> nav(List<String> own) {
        List<String> all = new java.util.ArrayList<>(PUBLIC_NAV);
        all.addAll(own);
        return all;
    }

    private List<String> nav() {
        return driver.findElements(By.cssSelector(".main-nav a")).stream().map(WebElement::getText).toList();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
