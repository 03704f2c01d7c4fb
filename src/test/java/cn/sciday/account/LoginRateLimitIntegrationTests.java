package cn.sciday.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import cn.sciday.MutableClock;
import cn.sciday.RealRateLimits;
import cn.sciday.RecordingSmsSender;
import cn.sciday.TestAddresses;
import cn.sciday.organization.Organizations;
import cn.sciday.web.Role;

/**
 * Rate limits on logging in and on verification codes, with the shipped defaults: 10 logins per account name and 30
 * per address in 5 minutes (form, token API, code login); codes 1 a minute and 5 an hour per number, 20 an hour per
 * address. The request after the limit answers 429 with Retry-After; after the window it works again.
 */
@RealRateLimits
class LoginRateLimitIntegrationTests {

    static final String PASSWORD = "Good-password-1";
    static final AtomicInteger SERIAL = new AtomicInteger();

    @Autowired
    MockMvc mvc;
    @Autowired
    Accounts accounts;
    @Autowired
    Organizations organizations;
    @Autowired
    MutableClock clock;
    @Autowired
    RecordingSmsSender sms;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    ResultActions formLogin(String user, String password, String address) throws Exception {
        return mvc.perform(post("/login").param("username", user).param("password", password).with(csrf())
                .with(TestAddresses.from(address)));
    }

    ResultActions tokenLogin(String user, String password, String address, String lang) throws Exception {
        return mvc.perform(post("/api/v1/tokens").contentType(MediaType.APPLICATION_JSON)
                .content("{\"username\":\"" + user + "\",\"password\":\"" + password + "\"}")
                .cookie(new Cookie("sciday-lang", lang)).with(TestAddresses.from(address)));
    }

    ResultActions sendCode(String mobile, String address) throws Exception {
        return mvc.perform(post("/api/v1/public/verification-codes").contentType(MediaType.APPLICATION_JSON)
                .content("{\"mobile\":\"" + mobile + "\"}").with(TestAddresses.from(address)));
    }

    @Test
    void theEleventhLoginOfANameWithinFiveMinutesIsRefusedBeforeThePasswordIsChecked() throws Exception {
        String user = coordinator();
        String address = TestAddresses.next();
        for (int i = 0; i < 10; i++) {
            formLogin(user, PASSWORD, address).andExpect(redirectedUrl("/workbench"));
        }
        clock.advance(Duration.ofMinutes(4));
        formLogin(user, PASSWORD, address).andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", "60"))
                .andExpect(forwardedUrl(LoginRateLimitFilter.REFUSED));
        // the same limit for the name, whatever its case, from another address and through the API
        formLogin(" " + user.toUpperCase() + " ", PASSWORD, TestAddresses.next())
                .andExpect(status().isTooManyRequests());
        tokenLogin(user, PASSWORD, TestAddresses.next(), "zh-CN").andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", "60"))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("登录尝试太频繁了，请 60 秒后再试。"))
                .andExpect(jsonPath("$.retryAfterSeconds").value(60));
        // refused attempts were not wrong passwords: the account is not locked
        clock.advance(Duration.ofMinutes(1));
        formLogin(user, PASSWORD, address).andExpect(redirectedUrl("/workbench"));
        assertThat(accounts.findStaff(user).orElseThrow().locked()).isFalse();
    }

    @Test
    void theRefusedLoginShowsTheErrorPageInTheReadersLanguage() throws Exception {
        mvc.perform(post(LoginRateLimitFilter.REFUSED).with(csrf())
                .requestAttr(LoginRateLimitFilter.RETRY_AFTER, 200L))
                .andExpect(status().isTooManyRequests()).andExpect(header().string("Retry-After", "200"))
                .andExpect(content().string(containsString("操作太频繁")))
                .andExpect(content().string(containsString("登录尝试太频繁了，请 4 分钟后再试。")))
                .andExpect(content().string(containsString("跳到主要内容")));
        mvc.perform(post(LoginRateLimitFilter.REFUSED).with(csrf()).cookie(new Cookie("sciday-lang", "en"))
                .requestAttr(LoginRateLimitFilter.RETRY_AFTER, 45L))
                .andExpect(status().isTooManyRequests())
                .andExpect(content().string(containsString("Too many login attempts. Please try again in 45 seconds.")));
        mvc.perform(get(LoginRateLimitFilter.REFUSED)).andExpect(redirectedUrl("/login"));
    }

    @Test
    void theThirtyFirstLoginFromAnAddressWithinFiveMinutesIsRefused() throws Exception {
        String address = TestAddresses.next();
        for (int i = 0; i < 15; i++) {
            formLogin("nobody-" + SERIAL.incrementAndGet(), "wrong", address).andExpect(redirectedUrl("/login?error"));
            tokenLogin("nobody-" + SERIAL.incrementAndGet(), "wrong", address, "en")
                    .andExpect(status().isUnauthorized());
        }
        String user = coordinator();
        formLogin(user, PASSWORD, address).andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", "300"));
        tokenLogin(user, PASSWORD, address, "en").andExpect(status().isTooManyRequests())
                .andExpect(jsonPath("$.detail").value("Too many login attempts. Please try again in 5 minutes."));
        formLogin(user, PASSWORD, TestAddresses.next()).andExpect(redirectedUrl("/workbench"));
        clock.advance(Duration.ofMinutes(5));
        formLogin(user, PASSWORD, address).andExpect(redirectedUrl("/workbench"));
    }

    @Test
    void codeLoginsCountAsLoginsOfTheNumber() throws Exception {
        String mobile = mobile();
        String address = TestAddresses.next();
        sendCode(mobile, address).andExpect(status().isAccepted());
        for (int i = 0; i < 10; i++) {
            mvc.perform(post("/api/v1/public/tokens").contentType(MediaType.APPLICATION_JSON)
                    .content("{\"mobile\":\"" + mobile + "\",\"code\":\"abc\"}")
                    .with(TestAddresses.from(TestAddresses.next()))).andExpect(status().isBadRequest());
        }
        String code = sms.lastCode(mobile).orElseThrow();
        mvc.perform(post("/login/mobile").param("mobile", mobile).param("code", code).with(csrf())
                .with(TestAddresses.from(address))).andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", "300"))
                .andExpect(content().string(containsString("登录尝试太频繁了")));
    }

    @Test
    void aNumberGetsOneCodeAMinuteAndFiveAnHour() throws Exception {
        String mobile = mobile();
        String address = TestAddresses.next();
        sendCode(mobile, address).andExpect(status().isAccepted()).andExpect(jsonPath("$.resendAfterSeconds").value(60));
        clock.advance(Duration.ofSeconds(20));
        sendCode(mobile, TestAddresses.next()).andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", "40"))
                .andExpect(jsonPath("$.detail").value("验证码已发送，请 40 秒后再重新获取。"));
        for (int i = 0; i < 4; i++) {
            clock.advance(Duration.ofSeconds(60));
            sendCode(mobile, address).andExpect(status().isAccepted());
        }
        clock.advance(Duration.ofSeconds(60));
        // five codes from 0:00 to 4:20; at 5:20 the first leaves the hour at 60:00
        sendCode(mobile, address).andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", String.valueOf(3600 - 320)))
                .andExpect(jsonPath("$.detail").value("这个手机号获取验证码太频繁了（每 60 分钟最多 5 次），请 55 分钟后再试。"));
        // the login page shows the same message by the number field
        var refused = mvc.perform(post("/login/code").param("mobile", mobile).with(csrf())
                .with(TestAddresses.from(address))).andExpect(redirectedUrl("/login#public")).andReturn();
        // and the page the refusal leads to answers 429 with Retry-After, the message by the field
        mvc.perform(get("/login").flashAttrs(refused.getFlashMap()).with(TestAddresses.from(address)))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", "60"))
                .andExpect(content().string(org.hamcrest.Matchers.containsString(
                        (String) refused.getFlashMap().get("mobileError"))));
        clock.advance(Duration.ofSeconds(3600 - 320));
        sendCode(mobile, address).andExpect(status().isAccepted());
    }

    @Test
    void anAddressGetsTwentyCodesAnHour() throws Exception {
        String address = TestAddresses.next();
        for (int i = 0; i < 20; i++) {
            sendCode(mobile(), address).andExpect(status().isAccepted());
        }
        sendCode(mobile(), address).andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", "3600"))
                .andExpect(jsonPath("$.detail").value("您所在的网络获取验证码太频繁了，请 60 分钟后再试。"));
        sendCode(mobile(), TestAddresses.next()).andExpect(status().isAccepted());
        clock.advance(Duration.ofHours(1));
        sendCode(mobile(), address).andExpect(status().isAccepted());
    }

    String coordinator() {
        String user = "rl-coord" + SERIAL.incrementAndGet();
        accounts.createStaff(user, PASSWORD, "协调员", null, Role.COORDINATOR,
                organizations.findByName("江海区").orElseThrow().id());
        return user;
    }

    static String mobile() {
        return "1350000" + String.format("%04d", SERIAL.incrementAndGet());
    }
}
