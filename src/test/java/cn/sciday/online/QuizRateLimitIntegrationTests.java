package cn.sciday.online;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;

import cn.sciday.MutableClock;
import cn.sciday.RealRateLimits;
import cn.sciday.TestLogins;
import cn.sciday.organization.Organizations;
import cn.sciday.web.Actor;
import cn.sciday.web.Role;

/**
 * Quiz starts with the shipped limit (10 a minute per person, official and practice together): the eleventh start
 * answers 429 with Retry-After (the page says it instead), a minute later starting works again.
 */
@RealRateLimits
class QuizRateLimitIntegrationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    QuizRounds rounds;
    @Autowired
    QuestionBank bank;
    @Autowired
    Organizations organizations;
    @Autowired
    MutableClock clock;

    long roundId;
    long division;

    @BeforeEach
    void round() {
        QuizTestData.ensureQuestions(bank, 8);
        roundId = rounds.create(QuizTestData.round(7, 7, 6, 1, true));
        division = organizations.findByName("江海区").orElseThrow().id();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    ResultActions start(Actor actor, boolean practice) throws Exception {
        return mvc.perform(post("/api/v1/quiz/attempts").with(csrf()).with(TestLogins.as(actor))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"roundId\":" + roundId + ",\"divisionId\":" + division + ",\"practice\":" + practice + "}"));
    }

    @Test
    void theEleventhStartWithinAMinuteIsRefusedUntilTheMinuteHasPassed() throws Exception {
        Actor citizen = TestLogins.actor(Role.PUBLIC, null);
        for (int i = 0; i < 10; i++) {
            // the first starts an attempt, the others return the open one: each is a start all the same
            start(citizen, i % 2 == 1).andExpect(status().isOk());
            clock.advance(Duration.ofSeconds(2));
        }
        start(citizen, false).andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", "40"))
                .andExpect(jsonPath("$.detail").value("您开始答题太频繁了（每分钟最多 10 次），请 40 秒后再试。"));
        MvcResult page = mvc.perform(post("/quiz/start").with(csrf()).with(TestLogins.as(citizen))
                .param("roundId", String.valueOf(roundId)).param("practice", "false")).andReturn();
        assertThat(page.getFlashMap().get("error")).asString().contains("您开始答题太频繁了");
        assertThat(page.getResponse().getRedirectedUrl()).isEqualTo("/quiz#start");
        mvc.perform(get("/quiz").flashAttrs(page.getFlashMap()).with(TestLogins.as(citizen)))
                .andExpect(status().isTooManyRequests()).andExpect(header().string("Retry-After", "40"))
                .andExpect(content().string(containsString("您开始答题太频繁了")));
        mvc.perform(get("/quiz").with(TestLogins.as(citizen))).andExpect(status().isOk());
        start(TestLogins.actor(Role.PUBLIC, null), false).andExpect(status().isOk());

        clock.advance(Duration.ofSeconds(40));
        start(citizen, false).andExpect(status().isOk());
    }
}
