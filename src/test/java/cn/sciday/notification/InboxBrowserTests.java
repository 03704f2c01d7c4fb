package cn.sciday.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.test.context.ActiveProfiles;

import cn.sciday.Browser;
import cn.sciday.TestClockConfiguration;
import cn.sciday.TestLogins;
import cn.sciday.account.Accounts;
import cn.sciday.web.Actor;

/** The inbox in headless Chromium on a phone, also in elderly mode: axe-core finds nothing serious. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import({TestClockConfiguration.class, InboxBrowserTests.CookieLogin.class})
class InboxBrowserTests {

    @LocalServerPort
    int port;
    @Autowired
    Accounts accounts;
    @Autowired
    Notifications notifications;
    @Autowired
    CookieLogin login;

    ChromeDriver driver;

    @AfterEach
    void quit() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void inboxOnAPhoneOpensAMessageAndCountsUnread() {
        Browser.assumeAvailable();
        Actor citizen = TestRecipients.publicUser(accounts, TestRecipients.randomMobile());
        notifications.notify(citizen.accountId(), "报名成功", "您已报名“走进科技馆”，请按时参加。", "/campaign");
        notifications.notify(citizen.accountId(), "活动时间变更", "活动改到 9月18日 14:00。", null);
        driver = Browser.open(360, 800);
        driver.get(url("/css/sciday.css"));
        driver.manage().addCookie(new org.openqa.selenium.Cookie(CookieLogin.COOKIE, login.register(citizen)));

        driver.get(url("/inbox"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("收件箱");
        assertThat(driver.findElement(By.linkText("收件箱 (2)")).getAttribute("aria-current")).isEqualTo("page");
        assertThat(driver.findElements(By.xpath("//span[text()='未读']"))).hasSize(2);
        Browser.assertAccessible(driver, "inbox (360px)");
        assertNoHorizontalScroll();
        Browser.screenshot(driver, "inbox-360");

        Browser.press(driver, driver.findElement(By.xpath("//button[text()='查看详情']")));
        assertThat(driver.getCurrentUrl()).endsWith("/campaign");
        assertThat(driver.findElement(By.linkText("收件箱 (1)")).isDisplayed()).isTrue();

        driver.get(url("/inbox?elderly=on"));
        assertThat(driver.findElements(By.xpath("//span[text()='未读']"))).hasSize(1);
        Browser.assertAccessible(driver, "inbox in elderly mode");
        assertNoHorizontalScroll();
        Browser.screenshot(driver, "inbox-360-elderly");
        Browser.press(driver, driver.findElement(By.xpath("//button[text()='全部标为已读']")));
        assertThat(driver.findElement(By.cssSelector("[role=status]")).getText()).contains("已将全部消息标为已读");
        assertThat(driver.findElement(By.linkText("收件箱 (0)")).isDisplayed()).isTrue();
    }

    private void assertNoHorizontalScroll() {
        Object overflow = driver.executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(((Number) overflow).intValue()).as("horizontal overflow in px").isLessThanOrEqualTo(0);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    /**
     * Test-only login: a request carrying the cookie gets the registered actor's security context put into its
     * session before Spring Security reads it (the login page belongs to the account module).
     */
    @TestConfiguration(proxyBeanMethods = false)
    static class CookieLogin {

        static final String COOKIE = "sciday-test-login";
        private final Map<String, Actor> actors = new ConcurrentHashMap<>();

        String register(Actor actor) {
            String key = java.util.UUID.randomUUID().toString();
            actors.put(key, actor);
            return key;
        }

        @Bean
        FilterRegistrationBean<Filter> testCookieLogin() {
            Filter filter = (ServletRequest req, ServletResponse res, FilterChain chain) -> {
                login((HttpServletRequest) req);
                chain.doFilter(req, res);
            };
            FilterRegistrationBean<Filter> bean = new FilterRegistrationBean<>(filter);
            bean.setOrder(Ordered.HIGHEST_PRECEDENCE);
            return bean;
        }

        private void login(HttpServletRequest request) {
            Cookie[] cookies = request.getCookies();
            if (cookies == null) {
                return;
            }
            for (Cookie c : cookies) {
                Actor actor = COOKIE.equals(c.getName()) ? actors.get(c.getValue()) : null;
                var session = request.getSession(false);
                if (actor != null && (session == null || session.getAttribute(
                        HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY) == null)) {
                    SecurityContext context = SecurityContextHolder.createEmptyContext();
                    context.setAuthentication(TestLogins.authentication(actor));
                    request.getSession(true).setAttribute(
                            HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, context);
                }
            }
        }
    }
}
