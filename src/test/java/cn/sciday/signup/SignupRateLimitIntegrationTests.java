package cn.sciday.signup;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import cn.sciday.MutableClock;
import cn.sciday.RealRateLimits;
import cn.sciday.TestAddresses;
import cn.sciday.TestLogins;
import cn.sciday.account.Accounts;
import cn.sciday.organization.CreditCode;
import cn.sciday.organization.Organizations;
import cn.sciday.organization.UnitRegistration;
import cn.sciday.organization.UnitType;
import cn.sciday.web.Actor;

/**
 * Sign-ups with the shipped limits (10 a minute per person, 60 a minute per address; page and API count together):
 * the request after the limit answers 429 with Retry-After, as the error page or a problem, and a minute later signing
 * up works again.
 */
@RealRateLimits
class SignupRateLimitIntegrationTests {

    static final AtomicLong IDS = new AtomicLong(700_000);
    static final AtomicLong MOBILE = new AtomicLong(13522000000L);

    @Autowired
    MockMvc mvc;
    @Autowired
    Registrations registrations;
    @Autowired
    Accounts accounts;
    @Autowired
    Organizations organizations;
    @Autowired
    MutableClock clock;

    long activity;

    @BeforeEach
    void slot() {
        long n = IDS.incrementAndGet();
        long unit = organizations.createApprovedUnit(new UnitRegistration("限流测试单位" + n, UnitType.SCHOOL,
                CreditCode.complete("12440704MR" + String.format("%07d", n % 10_000_000)), "联系人", "0750-3861234",
                null, organizations.findByName("江海区").orElseThrow().id())).id();
        activity = n;
        registrations.openSlot(activity, unit, "限流测试活动", 100, false, true,
                Instant.parse("2021-09-30T01:00:00Z"), Instant.parse("2021-09-30T04:00:00Z"));
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    Actor citizen() {
        return accounts.publicUser(String.valueOf(MOBILE.incrementAndGet()));
    }

    ResultActions page(Actor actor, String address) throws Exception {
        return mvc.perform(post("/activities/" + activity + "/signup").param("name", "陈奶奶").with(csrf())
                .with(TestLogins.as(actor)).with(TestAddresses.from(address)));
    }

    ResultActions api(Actor actor, String address) throws Exception {
        return mvc.perform(post("/api/v1/activities/" + activity + "/registrations").with(csrf())
                .with(TestLogins.as(actor)).with(TestAddresses.from(address)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"陈奶奶\"}"));
    }

    @Test
    void aPersonsEleventhSignupWithinAMinuteGetsThe429Page() throws Exception {
        Actor me = citizen();
        String address = TestAddresses.next();
        page(me, address).andExpect(status().is3xxRedirection());
        for (int i = 1; i < 10; i++) {
            // already signed up: refused with a message, and counted all the same
            page(me, address).andExpect(redirectedUrl("/my/tickets"));
        }
        clock.advance(Duration.ofSeconds(15));
        page(me, address).andExpect(status().isTooManyRequests()).andExpect(header().string("Retry-After", "45"))
                .andExpect(content().string(containsString("操作太频繁")))
                .andExpect(content().string(containsString("您报名太频繁了，请 45 秒后再试。")))
                .andExpect(content().string(containsString("跳到主要内容")));
        api(me, TestAddresses.next()).andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", "45"))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(post("/activities/" + activity + "/signup").param("name", "Chen").with(csrf())
                .with(TestLogins.as(me)).with(TestAddresses.from(address)).cookie(new Cookie("sciday-lang", "en")))
                .andExpect(status().isTooManyRequests())
                .andExpect(content().string(containsString("You are signing up too often. Please try again in 45 seconds.")));

        clock.advance(Duration.ofSeconds(45));
        page(me, address).andExpect(redirectedUrl("/my/tickets"));
    }

    @Test
    void theSixtyFirstSignupFromAnAddressWithinAMinuteIsRefused() throws Exception {
        String address = TestAddresses.next();
        for (int i = 0; i < 30; i++) {
            api(citizen(), address).andExpect(status().isCreated());
            page(citizen(), address).andExpect(status().is3xxRedirection());
        }
        api(citizen(), address).andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", "60"))
                .andExpect(jsonPath("$.detail").value("您所在的网络报名太频繁了，请 60 秒后再试。"))
                .andExpect(jsonPath("$.retryAfterSeconds").value(60));
        api(citizen(), TestAddresses.next()).andExpect(status().isCreated());
        clock.advance(Duration.ofMinutes(1));
        api(citizen(), address).andExpect(status().isCreated());
    }
}
