package cn.sciday.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
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
 * The activity pages in headless Chromium at 360px with axe-core (WCAG 2.1 AA). Until the login page exists in this
 * branch, each page is rendered for its actor through MockMvc and opened from a file whose base is the running
 * server, so that styles and scripts load as in the app.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestClockConfiguration.class)
class ActivityPagesBrowserTests {

    @LocalServerPort
    int port;
    @Autowired
    WebApplicationContext context;
    @Autowired
    Activities activities;
    @Autowired
    ActivityUploads uploads;
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
    void activityPagesAreAccessibleOnAPhone() throws Exception {
        Browser.assumeAvailable();
        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        ActivityFixtures fixtures = new ActivityFixtures(organizations, activities, uploads);
        Cast cast = fixtures.cast();
        ActivityView returned = fixtures.inState(cast, ActivityStatus.RETURNED);
        ActivityView submitted = fixtures.inState(cast, ActivityStatus.SUBMITTED);
        ActivityView published = fixtures.inState(cast, ActivityStatus.PUBLISHED);
        fixtures.inState(cast, ActivityStatus.DRAFT);
        activities.change(cast.owner(), published.id(), new ActivityChangeForm(published.format(),
                published.startsAt().plusHours(1), published.endsAt().plusHours(1), published.divisionId(),
                "江海区图书馆", null, published.capacity()));
        driver = Browser.open(360, 800);

        check("my-activities", mvc, get("/my/activities").with(TestLogins.as(cast.owner())));
        check("new-activity-errors", mvc, post("/my/activities/new").with(TestLogins.as(cast.owner())).with(csrf())
                .param("name", "").param("format", "OFFLINE").param("expectedParticipants", "x"));
        assertThat(driver.findElement(By.cssSelector(".error-summary a[href='#name']")).getText())
                .isEqualTo("请填写活动名称。");
        check("edit-returned", mvc, get("/my/activities/" + returned.id() + "/edit").with(TestLogins.as(cast.owner())));
        check("change-published", mvc, get("/my/activities/" + published.id() + "/change")
                .with(TestLogins.as(cast.owner())));
        check("detail-for-coordinator", mvc, get("/activities/manage/" + submitted.id())
                .with(TestLogins.as(cast.coordinator())));
        check("detail-published", mvc, get("/activities/manage/" + published.id()).with(TestLogins.as(cast.owner())));
        check("review-queue", mvc, get("/review").with(TestLogins.as(cast.coordinator())));
        check("activity-list", mvc, get("/activities/manage").with(TestLogins.as(cast.coordinator())));
        check("detail-elderly", mvc, get("/activities/manage/" + published.id()).with(TestLogins.as(cast.owner()))
                .cookie(new Cookie("sciday-elderly", "on")));
    }

    private void check(String name, MockMvc mvc, MockHttpServletRequestBuilder request) throws Exception {
        String html = mvc.perform(request).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).as(name).contains("<main");
        html = html.replaceFirst("<head>", "<head><base href=\"http://localhost:" + port + "/\">");
        Path dir = Path.of("target", "activity-pages");
        Files.createDirectories(dir);
        Path file = dir.resolve(name + ".html");
        Files.writeString(file, html);
        driver.get(file.toAbsolutePath().toUri().toString());
        Browser.assertAccessible(driver, name);
        Object overflow = driver.executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(((Number) overflow).intValue()).as(name + ": horizontal overflow in px").isLessThanOrEqualTo(0);
        Browser.screenshot(driver, "activity-" + name);
    }
}
