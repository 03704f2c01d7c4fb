package cn.sciday.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import cn.sciday.Browser;
import cn.sciday.TestClockConfiguration;
import cn.sciday.TestLogins;
import cn.sciday.activity.ActivityFixtures.Cast;
import cn.sciday.organization.Organizations;

/**
 * The completion, proposal-file and summary pages with content in them, on a 360px phone and in elderly mode, with
 * axe-core (WCAG 2.1 AA) and no sideways scrolling. Each page is rendered for its actor and opened from a file whose
 * base is the running server, so that styles and thumbnails load as in the app.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestClockConfiguration.class)
class CompletionPagesBrowserTests {

    @LocalServerPort
    int port;
    @Autowired
    WebApplicationContext context;
    @Autowired
    Activities activities;
    @Autowired
    ActivityUploads uploads;
    @Autowired
    CompletionManagement completions;
    @Autowired
    SummaryManagement summaries;
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
    void completionAndSummaryPagesAreAccessibleOnAPhone() throws Exception {
        Browser.assumeAvailable();
        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        ActivityFixtures fixtures = new ActivityFixtures(organizations, activities, uploads);
        Cast cast = fixtures.cast();
        ActivityView draft = activities.create(cast.owner(), fixtures.form("缺方案的草稿"));
        ActivityView published = fixtures.inState(cast, ActivityStatus.PUBLISHED);
        ActivityView online = fixtures.published(cast.owner(), cast.coordinator(), cast.city(),
                fixtures.onlineForm("线上科普直播"));
        long id = published.id();
        completions.addPhoto(cast.owner(), id, CompletionIntegrationTests.png("合影.png"));
        completions.addPhoto(cast.owner(), id, CompletionTestFiles.upload("展台.jpg", CompletionTestFiles.jpeg()));
        completions.addLink(cast.owner(), id, new CompletionLinkForm(CompletionLinkKind.NEWS,
                "江门日报：科普日活动精彩纷呈，一篇很长很长的新闻标题用来检查窄屏幕上的换行",
                "https://www.jmnews.cn/kepu/2021/10/16/a-very-long-address-that-should-wrap-on-a-phone.html"));
        completions.update(cast.owner(), id, new CompletionForm(120, null, "活动顺利开展。"));
        SummaryView stage = summaries.submit(cast.owner(), SummaryKind.STAGE, "阶段性总结：开展活动三项。",
                List.of(CompletionTestFiles.upload("阶段性总结.pdf", CompletionTestFiles.pdf())), List.of());
        driver = Browser.open(360, 800);

        check("plan-missing", mvc, get("/activities/manage/" + draft.id()).with(TestLogins.as(cast.owner())));
        check("my-activities-batch", mvc, get("/my/activities").with(TestLogins.as(cast.owner())));
        check("completion-owner", mvc, get("/activities/manage/" + id + "/completion")
                .with(TestLogins.as(cast.owner())));
        check("completion-online-empty", mvc, get("/activities/manage/" + online.id() + "/completion")
                .with(TestLogins.as(cast.owner())));
        check("completion-coordinator", mvc, get("/activities/manage/" + id + "/completion")
                .with(TestLogins.as(cast.coordinator())));
        check("completion-overview-coordinator", mvc, get("/completion").with(TestLogins.as(cast.coordinator())));
        check("completion-overview-unit", mvc, get("/completion").with(TestLogins.as(cast.owner())));
        check("completion-unit", mvc, get("/completion/" + cast.unit().id()).with(TestLogins.as(cast.city())));
        check("summaries-unit", mvc, get("/summaries").with(TestLogins.as(cast.owner())));
        check("summaries-coordinator", mvc, get("/summaries").with(TestLogins.as(cast.coordinator())));
        check("summary-for-coordinator", mvc, get("/summaries/" + stage.state().summaryId())
                .with(TestLogins.as(cast.coordinator())));
        check("completion-elderly", mvc, get("/activities/manage/" + id + "/completion")
                .with(TestLogins.as(cast.owner())).cookie(new Cookie("sciday-elderly", "on")));
    }

    private void check(String name, MockMvc mvc, MockHttpServletRequestBuilder request) throws Exception {
        String html = mvc.perform(request).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).as(name).contains("<main");
        html = html.replaceFirst("<head>", "<head><base href=\"http://localhost:" + port + "/\">");
        Path dir = Path.of("target", "completion-pages");
        Files.createDirectories(dir);
        Path file = dir.resolve(name + ".html");
        Files.writeString(file, html);
        driver.get(file.toAbsolutePath().toUri().toString());
        Browser.assertAccessible(driver, name);
        Object overflow = driver.executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(((Number) overflow).intValue()).as(name + ": horizontal overflow in px").isLessThanOrEqualTo(0);
        Browser.screenshot(driver, "completion-" + name);
    }
}
