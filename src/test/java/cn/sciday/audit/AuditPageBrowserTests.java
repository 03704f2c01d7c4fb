package cn.sciday.audit;

import static cn.sciday.TestLogins.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import cn.sciday.Browser;
import cn.sciday.TestClockConfiguration;
import cn.sciday.TestLogins;
import cn.sciday.organization.Organizations;
import cn.sciday.web.Role;

/**
 * The audit page in headless Chromium at 360px and on a desktop: no horizontal scrolling (rows become stacked
 * cards on a phone) and no serious axe-core violation. There is no login page to drive yet, so the page is
 * rendered for a city admin through MockMvc and written into a document of the running server's origin, where
 * it loads the real style sheets under the real security headers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestClockConfiguration.class)
class AuditPageBrowserTests {

    @LocalServerPort
    int port;
    @Autowired
    WebApplicationContext context;
    @Autowired
    AuditTrail trail;
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
    void auditPageOnAPhoneAndOnADesktop() throws Exception {
        Browser.assumeAvailable();
        trail.record(42L, "陈科普（chen.kepu）", "203.0.113.7", "UNIT_REJECTED", "UNIT", "128",
                "江门市第一中学；理由：统一社会信用代码与营业执照上的不一致，请核对后重新提交。");
        trail.record(null, "系统", null, "CAMPAIGN_EDITED", "CAMPAIGN", "1", "2021年：2021年江门市全国科普日活动方案");
        String html = render("/admin/audit");
        String withErrors = render("/admin/audit?from=2021-13-01");

        driver = Browser.open(360, 800);
        show(html);
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("审计记录");
        List<WebElement> cells = driver.findElements(By.cssSelector(".audit-table tbody tr:first-child td"));
        assertThat(cells.get(0).getCssValue("display")).as("rows are stacked on a phone").isEqualTo("block");
        assertNoHorizontalScroll();
        Browser.assertAccessible(driver, "audit page (360px)");
        Browser.screenshot(driver, "audit-360");
        driver.executeScript("document.querySelector('.audit-table').scrollIntoView({behavior: 'instant'});");
        Browser.screenshot(driver, "audit-360-table");

        show(withErrors);
        assertThat(driver.findElement(By.cssSelector(".error-summary a")).getText()).contains("开始日期");
        Browser.assertAccessible(driver, "audit page with an error (360px)");
        assertNoHorizontalScroll();

        driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
        show(html);
        assertThat(driver.findElement(By.cssSelector(".audit-table tbody td")).getCssValue("display"))
                .isEqualTo("table-cell");
        Browser.assertAccessible(driver, "audit page (desktop)");
        Browser.screenshot(driver, "audit-desktop");
    }

    private String render(String path) throws Exception {
        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        return mvc.perform(get(path).with(as(TestLogins.actor(Role.CITY_ADMIN, organizations.city().id()))))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    /** Opens a page of the server's origin and replaces its document with the rendered audit page. */
    private void show(String html) {
        driver.get("http://localhost:" + port + "/campaign");
        driver.executeScript("document.open(); document.write(arguments[0]); document.close();", html);
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> Boolean.TRUE.equals(driver.executeScript(
                "return document.readyState === 'complete' && document.styleSheets.length >= 3 "
                        + "&& getComputedStyle(document.querySelector('.audit-hint')).marginTop !== '0px';")));
    }

    private void assertNoHorizontalScroll() {
        Object overflow = driver.executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(((Number) overflow).intValue()).as("horizontal overflow in px").isLessThanOrEqualTo(0);
    }
}
