package cn.sciday;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import cn.sciday.organization.CreditCode;
import cn.sciday.organization.Organizations;
import cn.sciday.organization.UnitRegistration;
import cn.sciday.organization.UnitType;
import cn.sciday.web.Actor;
import cn.sciday.web.Role;

/**
 * Every import and batch upload with the shipped limit (10 per account in 10 minutes, for each kind of import; page
 * and API count together): the eleventh answers 429 with Retry-After, as the error page or a problem, and after the
 * window importing works again. The requests carry no file: refused as bad input, but counted all the same.
 */
@RealRateLimits
class ImportRateLimitIntegrationTests {

    static final AtomicLong IDS = new AtomicLong();

    @Autowired
    MockMvc mvc;
    @Autowired
    Organizations organizations;
    @Autowired
    MutableClock clock;

    Actor organizer;

    @BeforeEach
    void organizer() {
        long n = IDS.incrementAndGet();
        long unit = organizations.createApprovedUnit(new UnitRegistration("导入限流单位" + n, UnitType.SCHOOL,
                CreditCode.complete("12440704MJ" + String.format("%07d", n)), "联系人", "0750-3861234", null,
                organizations.findByName("江海区").orElseThrow().id())).id();
        organizer = TestLogins.actor(Role.ORGANIZER, unit);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    ResultActions upload(String url, Actor actor) throws Exception {
        return mvc.perform(multipart(url).with(csrf()).with(TestLogins.as(actor)));
    }

    static void refusedWithPage(ResultActions r, String retryAfter, String wait) throws Exception {
        r.andExpect(status().isTooManyRequests()).andExpect(header().string("Retry-After", retryAfter))
                .andExpect(content().string(containsString("操作太频繁")))
                .andExpect(content().string(containsString("您导入或批量上传太频繁了，请 " + wait + "后再试。")));
    }

    static void refusedWithProblem(ResultActions r, String retryAfter) throws Exception {
        r.andExpect(status().isTooManyRequests()).andExpect(header().string("Retry-After", retryAfter))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(containsString("您导入或批量上传太频繁了")));
    }

    @Test
    void theIntentionFormAllowsTenImportsInTenMinutes() throws Exception {
        for (int i = 0; i < 5; i++) {
            upload("/forms/intention", organizer).andExpect(status().isOk());
            upload("/api/v1/forms/intention", organizer).andExpect(status().isBadRequest());
        }
        clock.advance(Duration.ofMinutes(3));
        refusedWithPage(upload("/forms/intention", organizer), "420", "7 分钟");
        refusedWithProblem(upload("/api/v1/forms/intention", organizer), "420");
        upload("/api/v1/forms/intention", TestLogins.actor(Role.CITY_ADMIN, organizations.city().id()))
                .andExpect(status().isBadRequest());
        // another kind of import is counted apart
        upload("/api/v1/activities/batch/submit", organizer).andExpect(status().isBadRequest());

        clock.advance(Duration.ofMinutes(7));
        upload("/api/v1/forms/intention", organizer).andExpect(status().isBadRequest());
    }

    @Test
    void theIntentionBatchScanAllowsTenUploadsInTenMinutes() throws Exception {
        for (int i = 0; i < 5; i++) {
            upload("/my/activities/submit-batch", organizer).andExpect(status().is3xxRedirection());
            upload("/api/v1/activities/batch/submit", organizer).andExpect(status().isBadRequest());
        }
        refusedWithPage(upload("/my/activities/submit-batch", organizer), "600", "10 分钟");
        refusedWithProblem(upload("/api/v1/activities/batch/submit", organizer), "600");
        clock.advance(Duration.ofMinutes(10));
        upload("/my/activities/submit-batch", organizer).andExpect(status().is3xxRedirection());
    }

    @Test
    void theQuestionImportAllowsTenImportsInTenMinutes() throws Exception {
        Actor admin = TestLogins.actor(Role.CITY_ADMIN, organizations.city().id());
        for (int i = 0; i < 10; i++) {
            upload("/admin/quiz/questions/import", admin).andExpect(status().isOk());
        }
        refusedWithPage(upload("/admin/quiz/questions/import", admin), "600", "10 分钟");
        clock.advance(Duration.ofMinutes(10));
        upload("/admin/quiz/questions/import", admin).andExpect(status().isOk());
    }
}
