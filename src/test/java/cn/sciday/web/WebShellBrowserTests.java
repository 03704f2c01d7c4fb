package cn.sciday.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

import cn.sciday.Browser;
import cn.sciday.TestClockConfiguration;

/** Home and campaign pages in headless Chromium: elderly mode, English, keyboard, 360px, axe-core. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestClockConfiguration.class)
class WebShellBrowserTests {

    @LocalServerPort
    int port;
    ChromeDriver driver;

    @AfterEach
    void quit() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void homeAndCampaignPagesOnAPhoneInElderlyModeAndEnglish() {
        driver = Browser.open(360, 800);
        driver.get(url("/"));
        assertThat(driver.getTitle()).contains("2021");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("百年再出发，迈向高水平科技自立自强");
        Browser.assertAccessible(driver, "home (360px)");
        assertNoHorizontalScroll();

        driver.findElement(By.linkText("长者模式")).click();
        assertThat(driver.findElement(By.tagName("body")).getAttribute("class")).contains("elderly");
        WebElement text = driver.findElement(By.cssSelector("main p"));
        double fontSize = px(text.getCssValue("font-size"));
        assertThat(fontSize).as("body text in elderly mode").isGreaterThanOrEqualTo(18.0);
        assertThat(px(text.getCssValue("line-height")) / fontSize).as("line height in elderly mode")
                .isGreaterThanOrEqualTo(1.5);
        assertThat(driver.findElement(By.tagName("body")).getCssValue("color")).as("black text: high contrast")
                .isIn("rgba(0, 0, 0, 1)", "rgb(0, 0, 0)");
        for (WebElement target : driver.findElements(By.cssSelector(".main-nav a, .prefs a"))) {
            assertThat(target.getSize().getHeight()).as("height of the target '" + target.getText() + "'")
                    .isGreaterThanOrEqualTo(44);
        }
        Browser.assertAccessible(driver, "home in elderly mode");
        assertNoHorizontalScroll();
        Browser.screenshot(driver, "home-360-elderly");

        driver.findElement(By.linkText("活动方案")).click();
        assertThat(driver.findElements(By.cssSelector("#actions .plan-list > li"))).hasSize(12);
        assertThat(driver.findElement(By.tagName("body")).getAttribute("class"))
                .as("elderly mode is remembered").contains("elderly");
        Browser.assertAccessible(driver, "campaign page in elderly mode");
        assertNoHorizontalScroll();

        driver.findElement(By.linkText("English")).click();
        assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
        assertThat(driver.findElement(By.id("actions-title")).getText()).isEqualTo("Joint actions");
        Browser.assertAccessible(driver, "campaign page in English");
        driver.get(url("/"));
        assertThat(driver.findElement(By.id("main-event-title")).getText()).isEqualTo("Main-venue event");
    }

    @Test
    void keyboardUserReachesTheSkipLinkFirstAndItMovesFocusToMain() {
        driver = Browser.open(1280, 900);
        driver.get(url("/campaign"));
        Browser.assertAccessible(driver, "campaign page (desktop)");
        driver.findElement(By.tagName("body")).sendKeys(Keys.TAB);
        WebElement first = driver.switchTo().activeElement();
        assertThat(first.getText()).isEqualTo("跳到主要内容");
        assertVisibleFocus(first);
        first.sendKeys(Keys.ENTER);
        assertThat(driver.switchTo().activeElement().getAttribute("id")).isEqualTo("main");
        // the next stop after the skip link, the brand link in the header, shows where focus is too
        // a fresh load without the #main the skip link left in the address (a reload would start from there)
        driver.get(url("/campaign"));
        driver.findElement(By.tagName("body")).sendKeys(Keys.TAB);
        driver.switchTo().activeElement().sendKeys(Keys.TAB);
        WebElement second = driver.switchTo().activeElement();
        assertThat(second.getAttribute("class")).isEqualTo("brand");
        assertVisibleFocus(second);
    }

    private void assertVisibleFocus(WebElement focused) {
        assertThat(focused.getCssValue("outline-style")).as("focus outline of " + focused.getText()).isNotEqualTo("none");
        assertThat(px(focused.getCssValue("outline-width"))).as("focus outline width").isGreaterThanOrEqualTo(2.0);
    }

    private static double px(String cssValue) {
        return Double.parseDouble(cssValue.replace("px", ""));
    }

    @Test
    void theStatementOnAPhoneInElderlyModeAndInEnglish() {
        driver = Browser.open(360, 800);
        driver.get(url("/"));
        Browser.press(driver, driver.findElement(By.linkText("无障碍声明与安全说明")));
        assertThat(driver.getCurrentUrl()).endsWith("/statement");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("无障碍声明与安全说明");
        driver.get(url("/statement?elderly=on"));
        assertThat(driver.findElements(By.cssSelector("main table tbody tr"))).hasSizeGreaterThan(5);
        Browser.assertAccessible(driver, "statement (360px, elderly mode)");
        assertNoHorizontalScroll();
        driver.get(url("/statement?lang=en"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Accessibility and security statement");
        Browser.assertAccessible(driver, "statement in English");
        assertNoHorizontalScroll();
    }

    private void assertNoHorizontalScroll() {
        Object overflow = driver.executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(((Number) overflow).intValue()).as("horizontal overflow in px").isLessThanOrEqualTo(0);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
