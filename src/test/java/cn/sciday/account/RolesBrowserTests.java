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
    ChromeDriver driver;

    @AfterEach
    void quit() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void eachStaffRoleSeesItsOwnNavigationAndWork() {
        driver = Browser.open(1280, 900);
        driver.get(url("/login"));
        Browser.assertAccessible(driver, "login page with demo accounts");
        assertThat(driver.findElement(By.tagName("main")).getText()).contains("jh-school").contains("13800000000");

        login("admin");
        assertThat(nav()).contains("工作台", "单位审核", "个人设置");
        logout();

        login("jianghai");
        assertThat(nav()).contains("单位审核");
        // the coordinator's to-do list also holds the activities awaiting its review; pick the units' entry
        WebElement todo = driver.findElements(By.cssSelector(".todo-list a")).stream()
                .filter(a -> a.getText().contains("个单位等待审核")).findFirst().orElseThrow();
        Browser.assertAccessible(driver, "coordinator workbench");
        todo.click();
        assertThat(driver.findElement(By.tagName("main")).getText()).contains(DemoAccountsSeeder.COMMUNITY)
                .doesNotContain(DemoAccountsSeeder.MUSEUM);
        Browser.assertAccessible(driver, "units list");
        logout();

        login("jh-school");
        assertThat(nav()).contains("工作台").doesNotContain("单位审核");
        driver.get(url("/units"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).contains("无权");
        logout();

        login("jh-community");
        assertThat(driver.findElement(By.tagName("main")).getText()).contains("等待江海区审核");
        Browser.assertAccessible(driver, "pending organizer workbench");
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
        assertThat(nav()).doesNotContain("单位审核");
        Browser.assertAccessible(driver, "citizen workbench at 360px");
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

    private List<String> nav() {
        return driver.findElements(By.cssSelector(".main-nav a")).stream().map(WebElement::getText).toList();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
