package cn.sciday.online;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import cn.sciday.IntegrationTest;
import cn.sciday.RecordingSmsSender;
import cn.sciday.TestLogins;
import cn.sciday.organization.Organizations;
import cn.sciday.web.Actor;
import cn.sciday.web.Role;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The quiz through HTTP: who may reach each page and endpoint, answers hidden until submission (JSON and HTML),
 * the plain form without JavaScript, a real mobile-code token, and the way back from the login page.
 */
@IntegrationTest
class QuizWebIntegrationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    QuizRounds rounds;
    @Autowired
    QuizAttempts attempts;
    @Autowired
    QuestionBank bank;
    @Autowired
    QuestionRepository questions;
    @Autowired
    Organizations organizations;
    @Autowired
    RecordingSmsSender sms;
    @Autowired
    ObjectMapper json;

    long division;
    long roundId;
    Map<String, Actor> who;

    @BeforeEach
    void setUp() {
        QuizTestData.ensureQuestions(bank, 8);
        division = organizations.findByName("江海区").orElseThrow().id();
        roundId = rounds.create(new QuizRoundForm("网页测试答题", "2021-09-15T08:59", "2021-12-10T23:59", "7", "7", "6",
                "5", "30", "600", "1", true, "50", null));
        long jianghai = division;
        long unit = organizations.createApprovedUnit(new cn.sciday.organization.UnitRegistration(
                "答题测试单位" + System.nanoTime(), cn.sciday.organization.UnitType.SCHOOL,
                cn.sciday.organization.CreditCode.complete("52440704MJQ" + String.format("%06d", System.nanoTime() % 1_000_000)),
                "王老师", "0750-1234567", null, jianghai)).id();
        who = Map.of(
                "public", TestLogins.actor(Role.PUBLIC, null),
                "otherPublic", TestLogins.actor(Role.PUBLIC, null),
                "organizer", TestLogins.actor(Role.ORGANIZER, unit),
                "coordinator", TestLogins.actor(Role.COORDINATOR, jianghai),
                "city", TestLogins.actor(Role.CITY_ADMIN, organizations.city().id()));
    }

    // ---- answers never reach the browser before submission ---------------------------------------------------

    @Test
    void theApiShowsQuestionsWithoutAnswersUntilTheAttemptIsSubmitted() throws Exception {
        MvcResult started = mvc.perform(post("/api/v1/quiz/attempts").with(csrf()).with(as("public"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"roundId\":" + roundId + ",\"divisionId\":" + division + "}"))
                .andExpect(status().isOk()).andReturn();
        String body = started.getResponse().getContentAsString();
        JsonNode paper = json.readTree(body);
        long attemptId = paper.get("attemptId").asLong();
        assertThat(paper.get("status").asString()).isEqualTo("OPEN");
        assertThat(paper.get("questions")).hasSize(20);
        assertNoAnswers(body, attemptId);
        String again = mvc.perform(get("/api/v1/quiz/attempts/" + attemptId).with(as("public")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertNoAnswers(again, attemptId);

        StringBuilder answers = new StringBuilder("{\"answers\":{");
        for (JsonNode q : paper.get("questions")) {
            String correct = questions.findById(q.get("id").asLong()).orElseThrow().correctAnswer();
            answers.append('"').append(q.get("id").asLong()).append("\":");
            answers.append(q.get("type").asString().equals("MULTIPLE")
                    ? json.writeValueAsString(List.of(correct.split(""))) : "\"" + correct + "\"");
            answers.append(',');
        }
        answers.setLength(answers.length() - 1);
        answers.append("}}");
        String result = mvc.perform(post("/api/v1/quiz/attempts/" + attemptId + "/answers").with(csrf())
                .with(as("public")).contentType(MediaType.APPLICATION_JSON).content(answers.toString()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        JsonNode r = json.readTree(result);
        assertThat(r.get("score").asInt()).isEqualTo(100);
        assertThat(r.get("questions").get(0).get("explanation").asString()).isNotBlank();
        assertThat(r.get("questions").get(0).get("correctAnswer").asString()).isNotBlank();
    }

    @Test
    void theQuizPageIsAPlainFormWithoutAnswersAndWorksWithoutJavaScript() throws Exception {
        mvc.perform(get("/quiz").with(as("public"))).andExpect(status().isOk())
                .andExpect(r -> assertThat(r.getResponse().getContentAsString()).contains("name=\"divisionId\"")
                        .contains("开始答题"));
        MvcResult start = mvc.perform(post("/quiz/start").with(csrf()).with(as("public"))
                .param("roundId", String.valueOf(roundId)).param("divisionId", String.valueOf(division))
                .param("practice", "false")).andExpect(status().is3xxRedirection()).andReturn();
        String location = start.getResponse().getRedirectedUrl();
        assertThat(location).matches("/quiz/attempts/\\d+");
        long attemptId = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        String html = mvc.perform(get(location).with(as("public"))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertNoAnswers(html, attemptId);
        assertThat(html).doesNotContain("checked").doesNotContain(">正确答案<").doesNotContain("quiz-explanation");
        assertThat(html).contains("<fieldset").contains("<legend").contains("type=\"radio\"")
                .contains("type=\"checkbox\"").contains("method=\"post\"").contains("name=\"_csrf\"");
        assertThat(html).contains("请在北京时间 09:10:00 之前提交");

        // The browser posts q<id>=letter fields; a checkbox group sends several values.
        QuizPaper paper = (QuizPaper) attempts.view(who.get("public"), attemptId);
        MockHttpServletRequestBuilder submit = post(location).with(csrf()).with(as("public"));
        for (QuizPaper.Question q : paper.questions()) {
            String correct = questions.findById(q.id()).orElseThrow().correctAnswer();
            submit.param(q.field(), correct.split(""));
        }
        mvc.perform(submit).andExpect(status().is3xxRedirection())
                .andExpect(r -> assertThat(r.getResponse().getRedirectedUrl()).isEqualTo(location + "/result"));
        String result = mvc.perform(get(location + "/result").with(as("public"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(result).contains("得分：100 / 100").contains("答案与解析").contains("正确答案");
        String explanation = questions.findById(paper.questions().get(0).id()).orElseThrow().explanation();
        assertThat(result).contains(org.springframework.web.util.HtmlUtils.htmlEscape(explanation));
        // The open page now forwards to the result; the leaderboard shows the person.
        mvc.perform(get(location).with(as("public"))).andExpect(status().is3xxRedirection());
        mvc.perform(get("/quiz/leaderboard").param("round", String.valueOf(roundId)).with(as("public")))
                .andExpect(status().isOk())
                .andExpect(r -> assertThat(r.getResponse().getContentAsString()).contains("您的排名：第 1 名"));
        // Today's attempt is used: the page says so and offers practice only.
        mvc.perform(get("/quiz").with(as("public"))).andExpect(status().isOk())
                .andExpect(r -> assertThat(r.getResponse().getContentAsString()).contains("今天的正式答题次数已经用完")
                        .contains("练习一次"));
        MvcResult refused = mvc.perform(post("/quiz/start").with(csrf()).with(as("public"))
                .param("roundId", String.valueOf(roundId)).param("practice", "false")).andReturn();
        assertThat(refused.getFlashMap().get("error")).asString().contains("今天的 1 次答题机会已经用完");
    }

    @Test
    void theApiAnswersTooManyRequestsWhenTodaysAttemptsAreUsed() throws Exception {
        Actor me = who.get("public");
        QuizPaper first = attempts.start(me, roundId, division, false);
        attempts.submit(me, first.attemptId(), Map.of());
        mvc.perform(post("/api/v1/quiz/attempts").with(csrf()).with(as("public")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"roundId\":" + roundId + "}"))
                .andExpect(status().isTooManyRequests())
                .andExpect(r -> assertThat(r.getResponse().getHeader("Retry-After")).isNotBlank())
                .andExpect(r -> assertThat(r.getResponse().getContentAsString()).contains("今天的 1 次答题机会已经用完"));
    }

    private void assertNoAnswers(String body, long attemptId) {
        Actor me = who.get("public");
        QuizPaper paper = (QuizPaper) attempts.view(me, attemptId);
        assertThat(body).doesNotContain("correctAnswer").doesNotContain("explanation").doesNotContain("answeredRight")
                .doesNotContainIgnoringCase("correct").doesNotContain("data-answer");
        for (QuizPaper.Question q : paper.questions()) {
            QuizQuestion full = questions.findById(q.id()).orElseThrow();
            assertThat(body).doesNotContain(full.explanation())
                    .doesNotContain(org.springframework.web.util.HtmlUtils.htmlEscape(full.explanation()));
        }
    }

    // ---- a real public user: mobile code, token, and the way back from login ---------------------------------

    @Test
    void aPublicUserWithARealTokenTakesTheQuizAndAppearsMaskedOnTheLeaderboard() throws Exception {
        String mobile = "13912345678";
        mvc.perform(post("/api/v1/public/verification-codes").contentType(MediaType.APPLICATION_JSON)
                .content("{\"mobile\":\"" + mobile + "\"}")).andExpect(status().is2xxSuccessful());
        String code = sms.lastCode(mobile).orElseThrow();
        String token = json.readTree(mvc.perform(post("/api/v1/public/tokens").contentType(MediaType.APPLICATION_JSON)
                .content("{\"mobile\":\"" + mobile + "\",\"code\":\"" + code + "\"}")).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString()).get("token").asString();
        JsonNode paper = json.readTree(mvc.perform(post("/api/v1/quiz/attempts")
                .header("Authorization", "Bearer " + token).contentType(MediaType.APPLICATION_JSON)
                .content("{\"roundId\":" + roundId + ",\"divisionId\":" + division + ",\"practice\":false}"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        long attemptId = paper.get("attemptId").asLong();
        mvc.perform(post("/api/v1/quiz/attempts/" + attemptId + "/answers").header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).content("{\"answers\":{}}")).andExpect(status().isOk());
        String board = mvc.perform(get("/api/v1/public/quiz/rounds/" + roundId + "/leaderboard")
                .header("Authorization", "Bearer " + token)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        JsonNode b = json.readTree(board);
        assertThat(b.get("me").get("name").asString()).isEqualTo("139****5678");
        assertThat(board).doesNotContain(mobile).doesNotContain("accountId");
        // Another person's attempt is not found.
        mvc.perform(get("/api/v1/quiz/attempts/" + attemptId).with(as("otherPublic"))).andExpect(status().isNotFound());
        // The city sees the correct rates and exports the winners with masked mobile numbers.
        mvc.perform(get("/admin/quiz/rounds/" + roundId + "/stats").with(as("city"))).andExpect(status().isOk())
                .andExpect(r -> assertThat(r.getResponse().getContentAsString()).contains("已提交正式答卷 1 份")
                        .contains("0.0%"));
        byte[] xlsx = mvc.perform(get("/admin/quiz/rounds/" + roundId + "/winners.xlsx").with(as("city")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
            var sheet = wb.getSheetAt(0);
            assertThat(sheet.getRow(1).getCell(1).getStringCellValue()).isEqualTo("手机号（已脱敏）");
            assertThat(sheet.getRow(2).getCell(0).getNumericCellValue()).isEqualTo(1);
            assertThat(sheet.getRow(2).getCell(1).getStringCellValue()).isEqualTo("139****5678");
            assertThat(sheet.getRow(2).getCell(2).getStringCellValue()).isEqualTo("江海区");
        }
    }

    @Test
    void anAnonymousVisitorLogsInFromTheQuizAndComesBackToIt() throws Exception {
        String page = mvc.perform(get("/quiz")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains("href=\"/quiz/login\"").contains("登录后答题").doesNotContain("name=\"divisionId\"");
        MockHttpSession session = new MockHttpSession();
        mvc.perform(get("/quiz/login").session(session)).andExpect(status().is3xxRedirection())
                .andExpect(r -> assertThat(r.getResponse().getRedirectedUrl()).endsWith("/login"));
        String mobile = "13987654321";
        mvc.perform(post("/login/code").session(session).with(csrf()).param("mobile", mobile))
                .andExpect(status().is3xxRedirection());
        String code = sms.lastCode(mobile).orElseThrow();
        String back = mvc.perform(post("/login/mobile").session(session).with(csrf()).param("mobile", mobile)
                .param("code", code)).andExpect(status().is3xxRedirection()).andReturn().getResponse()
                .getRedirectedUrl();
        assertThat(back).contains("/quiz/login");
        mvc.perform(get(back).session(session)).andExpect(status().is3xxRedirection())
                .andExpect(r -> assertThat(r.getResponse().getRedirectedUrl()).isEqualTo("/quiz"));
        mvc.perform(get("/quiz").session(session)).andExpect(status().isOk())
                .andExpect(r -> assertThat(r.getResponse().getContentAsString()).contains("name=\"divisionId\""));
    }

    // ---- who may reach what ------------------------------------------------------------------------------------

    @Test
    void publicPagesAndEndpoints() throws Exception {
        for (String role : new String[] {null, "public", "organizer", "city"}) {
            expect(get("/quiz"), role, 200);
            expect(get("/quiz/leaderboard"), role, 200);
            expect(get("/quiz/leaderboard").param("round", String.valueOf(roundId)).param("division",
                    String.valueOf(division)), role, 200);
            expect(get("/api/v1/public/quiz/rounds/current"), role, 200);
            expect(get("/api/v1/public/quiz/rounds/" + roundId + "/leaderboard").param("top", "10"), role, 200);
        }
        expect(get("/api/v1/public/quiz/rounds/999999/leaderboard"), null, 404);
        expect(get("/quiz/login"), null, 302);
        expect(get("/quiz/login"), "public", 302);
    }

    @Test
    void attemptPagesAndEndpoints() throws Exception {
        expect(post("/quiz/start").with(csrf()).param("roundId", String.valueOf(roundId)), null, 302);
        expect(post("/quiz/start").with(csrf()).param("roundId", String.valueOf(roundId)), "organizer", 403);
        expect(post("/api/v1/quiz/attempts").with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"roundId\":" + roundId + "}"), null, 401);
        expect(post("/api/v1/quiz/attempts").with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"roundId\":" + roundId + ",\"divisionId\":" + division + "}"), "coordinator", 403);
        expect(post("/api/v1/quiz/attempts").with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"roundId\":" + roundId + "}"), "public", 400);
        QuizPaper paper = attempts.start(who.get("public"), roundId, division, false);
        long id = paper.attemptId();
        for (String path : List.of("/quiz/attempts/" + id, "/quiz/attempts/" + id + "/result")) {
            expect(get(path), null, 302);
            expect(get(path), "otherPublic", 404);
            expect(get(path), "organizer", 404);
            expect(get(path), "city", 404);
        }
        expect(get("/quiz/attempts/" + id), "public", 200);
        expect(get("/quiz/attempts/" + id + "/result"), "public", 302);
        expect(get("/api/v1/quiz/attempts/" + id), null, 401);
        expect(get("/api/v1/quiz/attempts/" + id), "otherPublic", 404);
        expect(get("/api/v1/quiz/attempts/" + id), "public", 200);
        expect(post("/api/v1/quiz/attempts/" + id + "/answers").with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"answers\":{}}"), null, 401);
        expect(post("/api/v1/quiz/attempts/" + id + "/answers").with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"answers\":{}}"), "otherPublic", 404);
        expect(post("/quiz/attempts/" + id).with(csrf()), null, 302);
        expect(post("/quiz/attempts/" + id).with(csrf()), "otherPublic", 404);
        expect(post("/quiz/attempts/" + id).with(csrf()), "public", 302);
        expect(get("/quiz/attempts/" + id + "/result"), "public", 200);
        expect(get("/quiz/attempts/" + id), "public", 302);
    }

    @Test
    void adminPagesAreForCityAdminsOnly() throws Exception {
        long question = questions.search(null, null, null, true).get(0).id();
        List<MockHttpServletRequestBuilder> pages = List.of(
                get("/admin/quiz/questions"), get("/admin/quiz/questions").param("type", "SINGLE").param("theme", "2")
                        .param("q", "测试"),
                get("/admin/quiz/questions/new"), get("/admin/quiz/questions/" + question + "/edit"),
                get("/admin/quiz/questions/import"), get("/admin/quiz/questions/template.xlsx"),
                get("/admin/quiz/rounds"), get("/admin/quiz/rounds/new"), get("/admin/quiz/rounds/" + roundId + "/edit"),
                get("/admin/quiz/rounds/" + roundId + "/stats"), get("/admin/quiz/rounds/" + roundId + "/winners.xlsx"));
        for (MockHttpServletRequestBuilder page : pages) {
            expect(page, null, 302);
            expect(page, "public", 403);
            expect(page, "organizer", 403);
            expect(page, "coordinator", 403);
            expect(page, "city", 200);
        }
        List<MockHttpServletRequestBuilder> changes = List.of(
                post("/admin/quiz/questions/" + question + "/disable").with(csrf()),
                post("/admin/quiz/questions/" + question + "/enable").with(csrf()),
                post("/admin/quiz/questions").with(csrf()).param("type", "SINGLE").param("stem", "")
                        .param("theme", "1"),
                post("/admin/quiz/rounds").with(csrf()).param("title", ""),
                post("/admin/quiz/questions/import").with(csrf()));
        for (MockHttpServletRequestBuilder change : changes) {
            expect(change, "public", 403);
            expect(change, "organizer", 403);
            expect(change, "coordinator", 403);
        }
        expect(post("/admin/quiz/questions/" + question + "/disable").with(csrf()), "city", 302);
        expect(post("/admin/quiz/questions/" + question + "/enable").with(csrf()), "city", 302);
        expect(get("/admin/quiz/questions/999999/edit"), "city", 404);
        expect(get("/admin/quiz/rounds/999999/stats"), "city", 404);
    }

    private org.springframework.test.web.servlet.request.RequestPostProcessor as(String role) {
        return TestLogins.as(who.get(role));
    }

    private void expect(MockHttpServletRequestBuilder request, String role, int status) throws Exception {
        if (role != null) {
            request.with(TestLogins.as(who.get(role)));
        }
        mvc.perform(request).andExpect(status().is(status));
    }
}
