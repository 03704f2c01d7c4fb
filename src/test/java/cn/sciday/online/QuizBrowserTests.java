package cn.sciday.online;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

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
import cn.sciday.RecordingSmsSender;
import cn.sciday.TestClockConfiguration;

/**
 * A citizen on a 360px phone in elderly mode opens the quiz, logs in with a mobile code, comes back, chooses a
 * district, answers the demo questions, submits, and sees the result with explanations and the leaderboard.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "sciday.demo.mode=on")
@ActiveProfiles("test")
@Import(TestClockConfiguration.class)
class QuizBrowserTests {

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
    void aCitizenTakesTheQuizOnAPhoneInElderlyMode() {
        driver = Browser.open(360, 800);
        driver.get(url("/quiz?elderly=on"));
        assertThat(main()).contains("科普知识网络答题").contains("答题规则").contains("判断题 7 道");
        Browser.assertAccessible(driver, "quiz page, anonymous, elderly mode");

        click(driver.findElement(By.linkText("登录后答题")));
        assertThat(driver.getCurrentUrl()).endsWith("/login");
        String mobile = "13700001234";
        driver.findElement(By.id("mobile")).sendKeys(mobile);
        click(driver.findElement(By.cssSelector("form[action$='/login/code'] button")));
        driver.findElement(By.id("code")).sendKeys(sms.lastCode(mobile).orElseThrow());
        click(driver.findElement(By.cssSelector("form[action$='/login/mobile'] button")));
        assertThat(driver.getCurrentUrl()).endsWith("/quiz");

        new Select(driver.findElement(By.id("divisionId"))).selectByVisibleText("江海区");
        Browser.assertAccessible(driver, "quiz start, logged in");
        click(driver.findElement(By.xpath("//button[normalize-space()='开始答题']")));
        assertThat(driver.getCurrentUrl()).matches(".*/quiz/attempts/\\d+");
        List<WebElement> questions = driver.findElements(By.cssSelector("fieldset.quiz-question"));
        assertThat(questions).hasSize(20);
        assertThat(driver.findElement(By.id("quiz-countdown")).isDisplayed()).isTrue();
        assertThat(driver.findElement(By.id("quiz-countdown")).getText()).matches("剩余时间 (10:00|09:[0-5][0-9])");
        WebElement option = driver.findElement(By.cssSelector(".quiz-option"));
        assertThat(option.getSize().getHeight()).as("elderly-mode touch target").isGreaterThanOrEqualTo(60);
        assertThat(option.getSize().getWidth()).isLessThanOrEqualTo(360);
        Browser.assertAccessible(driver, "questions at 360px in elderly mode");
        Browser.screenshot(driver, "quiz-attempt-360-elderly");

        // Answer with the keyboard: space selects a radio button or ticks a box.
        for (WebElement q : questions) {
            List<WebElement> inputs = q.findElements(By.tagName("input"));
            inputs.get(0).sendKeys(Keys.SPACE);
            if ("checkbox".equals(inputs.get(0).getAttribute("type"))) {
                inputs.get(1).sendKeys(Keys.SPACE);
            }
        }
        assertThat(driver.findElements(By.cssSelector("input:checked"))).hasSize(26);
        click(driver.findElement(By.cssSelector("button.quiz-submit")));
        assertThat(driver.getCurrentUrl()).matches(".*/quiz/attempts/\\d+/result");
        assertThat(main()).contains("得分：").contains("/ 100").contains("答案与解析").contains("正确答案").contains("解析");
        assertThat(driver.findElements(By.cssSelector(".quiz-explanation"))).hasSize(20);
        Browser.assertAccessible(driver, "result with explanations");
        Browser.screenshot(driver, "quiz-result-360-elderly");

        click(driver.findElement(By.linkText("查看排行榜")));
        assertThat(main()).contains("答题排行榜").contains("137****1234").contains("您的排名：第 1 名")
                .doesNotContain(mobile);
        Browser.assertAccessible(driver, "leaderboard at 360px");
        click(driver.findElement(By.linkText("江海区")));
        assertThat(main()).contains("137****1234");
        Browser.assertAccessible(driver, "division leaderboard");
        Browser.screenshot(driver, "quiz-leaderboard-360-elderly");
    }

    private String main() {
        return driver.findElement(By.tagName("main")).getText();
    }

    /** Presses a link or button with the keyboard and waits for the next page. */
    private void click(WebElement element) {
        Object marker = driver.executeScript("window.__sd = Math.random(); return window.__sd;");
        element.sendKeys(Keys.ENTER);
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> !String.valueOf(marker).equals(
                String.valueOf(((ChromeDriver) d).executeScript("return window.__sd;"))));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
