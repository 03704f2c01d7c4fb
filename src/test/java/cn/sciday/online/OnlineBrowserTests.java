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
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import cn.sciday.Browser;
import cn.sciday.RecordingSmsSender;
import cn.sciday.TestClockConfiguration;

/**
 * 云上科普日 in headless Chromium on a 360px phone in elderly mode, on the demo data: a citizen browses the gallery,
 * logs in through the real mobile-code form and likes a video; axe-core finds nothing serious on any page. A city
 * admin's pages are checked on a desktop width.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "sciday.demo.mode=on")
@ActiveProfiles("test")
@Import(TestClockConfiguration.class)
class OnlineBrowserTests {

    @LocalServerPort
    int port;
    @Autowired
    RecordingSmsSender sms;
    @Autowired
    OnlineDemoSeeder seeder;
    @Autowired
    JdbcClient jdbc;

    ChromeDriver driver;

    @AfterEach
    void quit() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void aCitizenBrowsesTheGalleryLogsInWithAMobileCodeAndLikesAVideo() {
        driver = Browser.open(360, 800);
        driver.get(url("/online?elderly=on"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("云上科普日");
        assertThat(main()).contains("正在直播", "2021年全国科普日江门市“云上科普日”启动仪式", "科普知识网络答题");
        check("online hub");
        Browser.screenshot(driver, "online-hub-360-elderly");

        click(driver.findElement(By.linkText("“点亮好奇心”短视频征集")));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("“点亮好奇心”短视频征集");
        assertThat(driver.findElements(By.cssSelector(".video-grid > li"))).hasSize(8);
        check("video gallery");
        click(driver.findElement(By.linkText("点赞排行")));
        assertThat(driver.findElement(By.cssSelector(".video-grid > li .rank")).getText()).isEqualTo("第 1 名");
        check("video ranking");
        Browser.screenshot(driver, "online-ranking-360-elderly");

        WebElement first = driver.findElement(By.cssSelector(".video-grid > li a.video-card"));
        String title = first.getText().strip();
        click(first);
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo(title);
        String entryUrl = driver.getCurrentUrl();
        int before = likes();
        check("video entry");

        click(driver.findElement(By.linkText("登录后点赞")));
        assertThat(driver.getCurrentUrl()).contains("/login");
        String mobile = "13912340000";
        driver.findElement(By.id("mobile")).sendKeys(mobile);
        click(driver.findElement(By.cssSelector("form[action$='/login/code'] button")));
        driver.findElement(By.id("code")).sendKeys(sms.lastCode(mobile).orElseThrow());
        check("login code entry");
        click(driver.findElement(By.cssSelector("form[action$='/login/mobile'] button")));
        assertThat(driver.getCurrentUrl()).endsWith("/workbench");

        driver.get(entryUrl);
        click(driver.findElement(By.cssSelector("button.like-button")));
        assertThat(driver.findElement(By.cssSelector("[role=status]")).getText()).contains("点赞成功");
        assertThat(likes()).isEqualTo(before + 1);
        assertThat(main()).contains("您今天已经点过赞了");
        assertThat(driver.findElements(By.cssSelector("button.like-button"))).isEmpty();
        check("video entry after liking");
        Browser.screenshot(driver, "online-video-liked-360-elderly");

        driver.get(url("/online/volunteers"));
        assertThat(driver.findElements(By.cssSelector(".volunteer-list > li"))).hasSize(6);
        check("volunteers");
        Browser.screenshot(driver, "online-volunteers-360-elderly");
        click(driver.findElement(By.cssSelector(".volunteer-list > li button.like-button")));
        assertThat(driver.findElement(By.cssSelector("[role=status]")).getText()).contains("点赞成功");

        driver.get(url("/online/topics"));
        check("topics");
        click(driver.findElement(By.partialLinkText("低碳生活")));
        assertThat(main()).contains("LED").doesNotContain("加微信领取");
        driver.findElement(By.id("body")).sendKeys("我家用上了太阳能热水器。");
        check("topic with comment form");
        Browser.screenshot(driver, "online-topic-360-elderly");
        click(driver.findElement(By.cssSelector("#comment-form button[type=submit]")));
        assertThat(main()).contains("留言已发表", "我家用上了太阳能热水器。");

        driver.get(url("/online/live"));
        assertThat(main()).contains("直播中", "疫苗接种十问十答", "主场活动直播");
        check("live streams");
        Browser.screenshot(driver, "online-live-360-elderly");

        driver.get(url("/my/videos/new"));
        check("video submission form");
        driver.findElement(By.id("coverFile")).sendKeys(bigFile().toString());
        assertThat(driver.findElement(By.id("coverFile-size")).getText()).contains("超过了 10 MB 的上限");
        assertThat(driver.findElement(By.id("coverFile")).getAttribute("value")).isEmpty();
        driver.findElement(By.id("title")).sendKeys("我的实验");
        click(driver.findElement(By.cssSelector("main form button[type=submit]")));
        assertThat(driver.findElement(By.cssSelector(".error-summary")).getText())
                .contains("请填写作者姓名。", "请选择作品类别。", "请上传作品封面图片");
        check("video submission form with errors");
    }

    @Test
    void theCityAdminsPagesAreAccessible() {
        driver = Browser.open(1280, 900);
        driver.get(url("/login"));
        driver.findElement(By.id("username")).sendKeys("admin");
        driver.findElement(By.id("password")).sendKeys("sciday-demo");
        click(driver.findElement(By.cssSelector("form[action$='/login'] button[type=submit]")));
        assertThat(driver.getCurrentUrl()).endsWith("/workbench");
        assertThat(main()).contains("条话题留言等待审核");
        long topic = jdbc.sql("select id from topic where moderation = 'SHOW_AT_ONCE' order by id fetch first 1 rows only")
                .query(Long.class).single();
        long entry = jdbc.sql("select id from video_entry order by id fetch first 1 rows only").query(Long.class).single();
        for (String page : List.of("/admin/online/videos", "/admin/online/videos?status=APPROVED",
                "/admin/online/videos/" + entry, "/admin/online/rounds", "/admin/online/rounds/new",
                "/admin/online/volunteers?status=APPROVED", "/admin/online/topics", "/admin/online/topics/new",
                "/admin/online/topics/" + topic, "/admin/online/streams", "/admin/online/streams/new",
                "/admin/online/flags")) {
            driver.get(url(page));
            assertThat(driver.findElement(By.tagName("h1")).getText()).as(page).isNotBlank();
            Browser.assertAccessible(driver, page);
        }
        driver.get(url("/admin/online/topics/" + topic));
        assertThat(main()).contains("含敏感词：加微信领取");
    }

    @Test
    void theDemoDataIsCreatedOnce() throws Exception {
        String counts = "select (select count(*) from video_round) || '/' || (select count(*) from video_entry) || '/'"
                + " || (select count(*) from volunteer) || '/' || (select count(*) from topic) || '/'"
                + " || (select count(*) from live_stream) || '/' || (select count(*) from topic_comment)";
        String before = jdbc.sql(counts).query(String.class).single();
        seeder.run(null);
        assertThat(jdbc.sql(counts).query(String.class).single()).isEqualTo(before);
        assertThat(before).startsWith("1/8/6/2/3/");
        assertThat(jdbc.sql("""
                select count(*) from video_entry e where e.like_count <> (select count(*) from online_like l
                    where l.target_type = 'VIDEO' and l.target_id = e.id and l.voided = false)""")
                .query(Integer.class).single()).isZero();
    }

    /** An 11 MB file: over the 10 MB limit for images. */
    private static java.nio.file.Path bigFile() {
        try {
            java.nio.file.Path file = java.nio.file.Files.createTempFile("big-cover", ".png");
            java.nio.file.Files.write(file, new byte[11 * 1024 * 1024]);
            file.toFile().deleteOnExit();
            return file;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private int likes() {
        return Integer.parseInt(driver.findElement(By.cssSelector(".like-total")).getText().replaceAll("[^0-9]", ""));
    }

    private void check(String what) {
        Browser.assertAccessible(driver, what + " (360px, elderly mode)");
        Object overflow = driver.executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(((Number) overflow).intValue()).as("horizontal overflow on " + what).isLessThanOrEqualTo(0);
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
