package cn.sciday;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.sciday.campaign.CampaignManagement;
import cn.sciday.organization.Organizations;
import cn.sciday.web.PublicPaths;
import cn.sciday.web.Role;

/**
 * The city admin's pages in headless Chromium at 360 px: axe-core finds no serious or critical violation (also with
 * the error summary shown and in English), nothing scrolls sideways, and the keyboard reaches the error summary.
 * A test-only endpoint logs the browser in as a city admin (the login page is not part of this change).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import({TestClockConfiguration.class, AdminPagesBrowserTests.TestLogin.class})
class AdminPagesBrowserTests {

    @LocalServerPort
    int port;
    @Autowired
    CampaignManagement campaigns;
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
    void campaignPagesAreAccessibleOnAPhone() {
        driver = loggedIn();
        long id = campaigns.requireCurrent().id();
        for (String path : new String[] {"/admin/campaigns", "/admin/campaigns/" + id,
                "/admin/campaigns/" + id + "/joint-actions/5", "/admin/campaigns/" + id + "/milestones/COMPLETION",
                "/admin/campaigns/" + id + "/clone", "/admin/campaigns/" + id + "/activate"}) {
            check(path);
        }
        driver.get(url("/admin/campaigns/" + id));
        WebElement title = driver.findElement(By.id("title"));
        title.clear();
        title.sendKeys(Keys.SPACE, Keys.ENTER);
        WebElement summary = errorSummary();
        assertThat(summary.getText()).contains("请填写方案名称。");
        assertThat(driver.switchTo().activeElement()).as("the error summary takes the focus").isEqualTo(summary);
        assertThat(driver.findElement(By.id("title")).getAttribute("aria-describedby")).isEqualTo("title-error");
        Browser.assertAccessible(driver, "campaign headline with errors");
        assertNoHorizontalScroll("campaign headline with errors");
        Browser.screenshot(driver, "admin-campaign-errors-360");
        driver.get(url("/admin/campaigns/" + id + "?lang=en"));
        assertThat(driver.findElement(By.id("headline-title")).getText()).isEqualTo("Headline");
        Browser.assertAccessible(driver, "campaign page in English");
        driver.get(url("/admin/campaigns/" + id + "?lang=zh-CN"));
    }

    @Test
    void organizationAndAccountPagesAreAccessibleOnAPhone() {
        driver = loggedIn();
        long jianghai = organizations.findByName("江海区").orElseThrow().id();
        for (String path : new String[] {"/admin/organizations", "/admin/organizations/new",
                "/admin/organizations/" + jianghai, "/admin/accounts", "/admin/accounts/new"}) {
            check(path);
        }
        driver.get(url("/admin/accounts/new"));
        driver.findElement(By.id("username")).sendKeys("a b", Keys.ENTER);
        assertThat(errorSummary().getText()).contains("请填写姓名。");
        Browser.assertAccessible(driver, "new account with errors");
        assertNoHorizontalScroll("new account with errors");
        Browser.screenshot(driver, "admin-account-errors-360");
        driver.get(url("/admin/organizations/new"));
        driver.findElement(By.id("name")).sendKeys(Keys.ENTER);
        assertThat(errorSummary().getText()).contains("请选择是市（区）还是市直部门");
        Browser.assertAccessible(driver, "new organization with errors");
        driver.get(url("/admin/organizations?elderly=on"));
        Browser.assertAccessible(driver, "organizations in elderly mode");
        assertNoHorizontalScroll("organizations in elderly mode");
        driver.get(url("/admin/organizations?elderly=off"));
    }

    /** The error summary of the page the form answered with (waits for that page: the form posts on Enter). */
    private WebElement errorSummary() {
        return new org.openqa.selenium.support.ui.WebDriverWait(driver, java.time.Duration.ofSeconds(15))
                .until(d -> d.findElements(By.cssSelector(".error-summary")).stream().findFirst().orElse(null));
    }

    private ChromeDriver loggedIn() {
        ChromeDriver d = Browser.open(360, 800);
        d.get(url("/test-login"));
        return d;
    }

    private void check(String path) {
        driver.get(url(path));
        assertThat(driver.findElement(By.tagName("h1")).getText()).as(path).isNotBlank();
        assertThat(driver.getPageSource()).as(path).doesNotContain("??");
        Browser.assertAccessible(driver, path);
        assertNoHorizontalScroll(path);
    }

    private void assertNoHorizontalScroll(String what) {
        Object overflow = driver.executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(((Number) overflow).intValue()).as("horizontal overflow in px on " + what).isLessThanOrEqualTo(0);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** GET /test-login puts a city admin into the browser's session (tests only). */
    @TestConfiguration(proxyBeanMethods = false)
    @RestController
    static class TestLogin {

        private final Organizations organizations;

        TestLogin(Organizations organizations) {
            this.organizations = organizations;
        }

        @Bean
        static PublicPaths adminBrowserTestLoginPaths() {
            return PublicPaths.of("/test-login");
        }

        @GetMapping("/test-login")
        void login(HttpServletRequest request, HttpServletResponse response) throws IOException {
            SecurityContext context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(TestLogins.authentication(
                    TestLogins.actor(Role.CITY_ADMIN, organizations.city().id())));
            new HttpSessionSecurityContextRepository().saveContext(context, request, response);
            response.sendRedirect(request.getContextPath() + "/admin/campaigns");
        }
    }
}
