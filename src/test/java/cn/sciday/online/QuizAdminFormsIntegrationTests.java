package cn.sciday.online;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import cn.sciday.IntegrationTest;
import cn.sciday.TestLogins;
import cn.sciday.organization.Organizations;
import cn.sciday.web.Role;

/** City admins edit questions and rounds in the app; mistakes come back on the form with a message per field. */
@IntegrationTest
class QuizAdminFormsIntegrationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    QuestionBank bank;
    @Autowired
    QuizRounds rounds;
    @Autowired
    Organizations organizations;

    @Test
    void aQuestionIsCreatedEditedAndDisabled() throws Exception {
        String stem = "表单测试题 " + System.nanoTime() + "：下列哪种动物是哺乳动物？";
        mvc.perform(post("/admin/quiz/questions").with(csrf()).with(admin()).param("type", "SINGLE").param("stem", stem)
                .param("optionA", "海豚").param("optionB", "鲨鱼").param("optionC", "金枪鱼").param("answer", "a")
                .param("explanation", "海豚用肺呼吸、胎生哺乳，是哺乳动物；鲨鱼和金枪鱼是鱼类。").param("theme", "2"))
                .andExpect(status().is3xxRedirection());
        QuizQuestion q = bank.search(null, null, stem, null).get(0);
        assertThat(q.options()).containsExactly("海豚", "鲨鱼", "金枪鱼");
        assertThat(q.correctAnswer()).isEqualTo("A");
        mvc.perform(get("/admin/quiz/questions/" + q.id() + "/edit").with(admin())).andExpect(status().isOk())
                .andExpect(r -> assertThat(r.getResponse().getContentAsString()).contains("value=\"海豚\""));
        mvc.perform(post("/admin/quiz/questions/" + q.id()).with(csrf()).with(admin()).param("type", "MULTIPLE")
                .param("stem", stem).param("optionA", "海豚").param("optionB", "鲸").param("optionC", "金枪鱼")
                .param("answer", "AB").param("explanation", "海豚和鲸都是哺乳动物。").param("theme", "2")
                .param("version", String.valueOf(q.version()))).andExpect(status().is3xxRedirection());
        assertThat(bank.get(q.id()).correctAnswer()).isEqualTo("AB");
        // A stale version is refused with a message instead of overwriting someone else's change.
        mvc.perform(post("/admin/quiz/questions/" + q.id()).with(csrf()).with(admin()).param("type", "MULTIPLE")
                .param("stem", stem).param("optionA", "海豚").param("optionB", "鲸").param("optionC", "金枪鱼")
                .param("answer", "AB").param("explanation", "旧版本").param("theme", "2")
                .param("version", String.valueOf(q.version()))).andExpect(status().isConflict());
        mvc.perform(post("/admin/quiz/questions/" + q.id() + "/disable").with(csrf()).with(admin()))
                .andExpect(status().is3xxRedirection());
        assertThat(bank.get(q.id()).enabled()).isFalse();
        mvc.perform(get("/admin/quiz/questions").param("q", stem).with(admin())).andExpect(status().isOk())
                .andExpect(r -> assertThat(r.getResponse().getContentAsString()).contains("已停用").contains("启用题目"));
    }

    @Test
    void aWrongQuestionComesBackWithAnErrorSummaryAndFieldMessages() throws Exception {
        String html = mvc.perform(post("/admin/quiz/questions").with(csrf()).with(admin()).param("type", "SINGLE")
                .param("stem", "").param("optionA", "甲").param("answer", "C").param("explanation", "")
                .param("theme", "1")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("class=\"error-summary\"").contains("href=\"#stem\"").contains("请填写题干。")
                .contains("请填写解析").contains("aria-invalid=\"true\"").contains("value=\"甲\"");
    }

    @Test
    void roundsAreCreatedAndEditedWithCheckedRules() throws Exception {
        String title = "表单测试轮次 " + System.nanoTime();
        mvc.perform(get("/admin/quiz/rounds/new").with(admin())).andExpect(status().isOk())
                .andExpect(r -> assertThat(r.getResponse().getContentAsString()).contains("value=\"600\"")
                        .contains("value=\"7\"").contains("value=\"6\"").contains("value=\"50\""));
        mvc.perform(post("/admin/quiz/rounds").with(csrf()).with(admin()).param("title", title)
                .param("opensAt", "2021-09-20T09:00").param("closesAt", "2021-09-30T18:00").param("trueFalseCount", "5")
                .param("singleCount", "5").param("multipleCount", "5").param("pointsPerQuestion", "4")
                .param("secondsPerQuestion", "20").param("totalSeconds", "600").param("attemptsPerDay", "2")
                .param("practiceEnabled", "true").param("leaderboardSize", "30"))
                .andExpect(status().is3xxRedirection());
        QuizRound r = rounds.ofCurrentCampaign().stream().filter(x -> x.title().equals(title)).findFirst().orElseThrow();
        assertThat(r.limitSeconds()).isEqualTo(300);
        assertThat(r.maxScore()).isEqualTo(60);
        assertThat(r.opensAt()).isEqualTo(java.time.Instant.parse("2021-09-20T01:00:00Z"));
        String html = mvc.perform(post("/admin/quiz/rounds/" + r.id()).with(csrf()).with(admin()).param("title", title)
                .param("opensAt", "2021-09-30T09:00").param("closesAt", "2021-09-20T18:00").param("trueFalseCount", "x")
                .param("singleCount", "5").param("multipleCount", "5").param("pointsPerQuestion", "0")
                .param("secondsPerQuestion", "20").param("totalSeconds", "600").param("attemptsPerDay", "2")
                .param("leaderboardSize", "30").param("version", String.valueOf(r.version())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("结束时间必须晚于开始时间。").contains("请填写判断题数量（整数）。")
                .contains("每题分值应在 1 到 100 之间。");
        mvc.perform(get("/admin/quiz/rounds").with(admin())).andExpect(status().isOk())
                .andExpect(r2 -> assertThat(r2.getResponse().getContentAsString()).contains(title));
    }

    private RequestPostProcessor admin() {
        return TestLogins.as(TestLogins.actor(Role.CITY_ADMIN, organizations.city().id()));
    }
}
