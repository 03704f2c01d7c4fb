package cn.sciday;

import static cn.sciday.HostileInput.ORDINARY;
import static cn.sciday.HostileInput.assertAllShown;
import static cn.sciday.HostileInput.assertJson;
import static cn.sciday.HostileInput.assertShown;
import static cn.sciday.HostileInput.assertTextCells;
import static cn.sciday.HostileInput.sweep;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import cn.sciday.HostileInput.Payload;
import cn.sciday.notification.OutboxDispatcher;
import cn.sciday.signup.SignupForm;
import cn.sciday.signup.Ticket;
import cn.sciday.web.Actor;
import tools.jackson.databind.ObjectMapper;

/**
 * Hostile input in the free-text fields around an activity (issue 9): review comments and reasons, the place after
 * publication (registrants are told by inbox and SMS), completion summaries and news-link titles, stage summaries,
 * feedback comments and hide reasons, recommendation reasons and national filing numbers; read back from the pages,
 * the inbox, the text messages as sent, and the spreadsheets that carry them.
 */
@IntegrationTest
class HostileInputActivityTests extends HostileInputSupport {

    @Autowired
    OutboxDispatcher outbox;
    @Autowired
    RecordingSmsSender sms;
    @Autowired
    MutableClock clock;
    @Autowired
    ObjectMapper json;

    Actor owner;
    Actor coordinator;
    Actor city;

    @BeforeEach
    void people() {
        owner = caller(MatrixFixtures.Caller.UNIT_OWNER);
        coordinator = caller(MatrixFixtures.Caller.COORDINATOR);
        city = caller(MatrixFixtures.Caller.CITY);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void reviewReasonsAndComments() throws Exception {
        long id = activities.create(owner, fixtures().form("敌意输入审核活动")).id();
        TestUploads.withEpidemicPlan(uploads, owner, activities.get(owner, id));
        activities.submit(owner, id);
        String returns = "activity_transition where action = 'RETURN' and activity_id = " + id;
        Set<Payload> reasons = sweep("return reason (coordinator page)", () -> count(returns),
                p -> mvc.perform(post("/activities/manage/" + id + "/return").param("reason", p.text)
                        .with(csrf()).with(TestLogins.as(coordinator))).andDo(r -> {
                                    if (HostileInput.isStored(r)) {
                                        activities.submit(owner, id); // corrected and sent again
                                    }
                                }).andReturn());
        assertThat(reasons).containsAll(ORDINARY);
        String endorsements = "activity_transition where action = 'ENDORSE' and activity_id = " + id;
        Set<Payload> comments = sweep("endorsement comment (coordinator page)", () -> count(endorsements),
                p -> mvc.perform(post("/activities/manage/" + id + "/endorse").param("comment", p.text)
                        .with(csrf()).with(TestLogins.as(coordinator))).andDo(r -> {
                                    if (HostileInput.isStored(r)) {
                                        activities.returnFor(city, id, "请补充安全预案。");
                                        activities.submit(owner, id);
                                    }
                                }).andReturn());
        assertThat(comments).containsAll(ORDINARY);
        assertThat(jdbc.sql("select remark from activity_transition where activity_id = ? and action in ('RETURN', "
                + "'ENDORSE')").param(id).query(String.class).set()).containsAll(texts(reasons));
        String history = page("/activities/manage/" + id, owner);
        assertAllShown("history", reasons, history, p -> p.text);
        assertAllShown("history", comments, history, p -> p.text);
        assertAllShown("organizer's inbox", reasons, page("/inbox", owner), p -> p.text);

        List<Long> drafts = new ArrayList<>();
        for (int i = 0; i < Payload.values().length; i++) {
            drafts.add(activities.create(owner, fixtures().form("敌意输入撤回活动" + i)).id());
        }
        int[] next = {0};
        Set<Payload> withdrawn = sweep("withdrawal reason (organizer page)", () -> count("activity where status = "
                + "'WITHDRAWN'"), p -> mvc.perform(post("/activities/manage/" + drafts.get(next[0]++) + "/withdraw")
                        .param("reason", p.text).with(csrf()).with(TestLogins.as(owner))).andReturn());
        assertThat(withdrawn).containsAll(ORDINARY);
        assertShown("withdrawn activity", Payload.SCRIPT.text, page("/activities/manage/" + drafts.get(0), owner));
    }

    @Test
    void changesAndCancellationReachRegistrantsAsPlainTextAndTheInboxEscaped() throws Exception {
        // an activity whose name is itself hostile, published, with one person signed up
        String name = Payload.FORMULA.text + Payload.SCRIPT.text;
        MatrixFixtures.Records a = fixtures().create(name);
        String mobile = nextMobile();
        Actor person = accounts.publicUser(mobile);
        registrations.register(person, a.activityId(), new SignupForm("报名者", null));
        outbox.dispatchDue();
        sms.clear();

        // the place changes after publication: every registrant is told what it is now
        Set<Payload> venues = sweep("venue after publication (organizer page)",
                () -> count("activity_change where activity_id = " + a.activityId()),
                p -> mvc.perform(post("/my/activities/" + a.activityId() + "/change").param("format", "OFFLINE")
                        .param("startsAt", "2021-10-16T09:00").param("endsAt", "2021-10-16T11:30")
                        .param("divisionId", String.valueOf(organizations.findByName("江海区").orElseThrow().id()))
                        .param("venue", p.text).param("capacity", "50").with(csrf())
                        .with(TestLogins.as(owner))).andReturn());
        assertThat(venues).containsAll(ORDINARY);
        assertThat(send(post("/activities/manage/" + a.activityId() + "/cancel").param("reason",
                Payload.ATTRIBUTE.and("，改期另行通知")), owner).getStatus()).isEqualTo(302);
        outbox.dispatchDue();

        List<String> texts = sms.to(mobile).stream().map(RecordingSmsSender.Sms::text).toList();
        List<String> expected = new ArrayList<>();
        for (Payload p : venues) {
            expected.add("【科普日】您报名的活动“" + name + "”有变更：活动地点：" + p.text + "。详情请查看报名页面。");
        }
        expected.add("【科普日】很抱歉，您报名的活动“" + name + "”已取消。原因：" + Payload.ATTRIBUTE.and("，改期另行通知"));
        assertThat(texts).as("text messages carry the text as typed, no markup escapes")
                .containsExactlyInAnyOrderElementsOf(expected).noneMatch(t -> t.contains("&lt;") || t.contains("&#"));
        String inbox = page("/inbox", person);
        assertShown("registrant's inbox", name, inbox);
        assertAllShown("registrant's inbox", venues, inbox, p -> p.text);
        assertShown("registrant's inbox", Payload.ATTRIBUTE.and("，改期另行通知"), inbox);
        assertShown("public page", Payload.ATTRIBUTE.and("，改期另行通知"), page("/activities/" + a.activityId(), null));
    }

    @Test
    void completionSummariesAndNewsLinks() throws Exception {
        long id = fixtures().create("敌意输入完成活动").activityId();
        Set<Payload> summaries = sweep("completion summary (organizer page)", null,
                p -> mvc.perform(post("/activities/manage/" + id + "/completion").param("actualParticipants", "80")
                        .param("onlineUrl", "").param("summary", p.text).with(csrf())
                        .with(TestLogins.as(owner))).andDo(r -> {
                            if (HostileInput.isStored(r)) {
                                assertThat(jdbc.sql("select summary_text from activity_completion where activity_id = ?")
                                        .param(id).query(String.class).single()).isEqualTo(p.text);
                                assertShown("completion page", p.text, page("/activities/manage/" + id + "/completion",
                                        coordinator));
                            }
                        }).andReturn());
        assertThat(summaries).containsAll(ORDINARY);
        Set<Payload> viaApi = sweep("completion summary (API)", null,
                p -> mvc.perform(put("/api/v1/activities/" + id + "/completion").contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of("actualParticipants", 80, "summary", p.text)))
                        .with(csrf()).with(TestLogins.as(owner))).andDo(r -> {
                            if (HostileInput.isStored(r)) {
                                assertThat(jdbc.sql("select summary_text from activity_completion where activity_id = ?")
                                        .param(id).query(String.class).single()).isEqualTo(p.text);
                            }
                        }).andReturn());
        assertThat(viaApi).isEqualTo(summaries);
        Set<Payload> links = sweep("news link title (organizer page)", () -> count("activity_link where activity_id = " + id),
                p -> mvc.perform(post("/activities/manage/" + id + "/completion/links").param("kind", "NEWS")
                        .param("title", p.text).param("url", "https://news.example.cn/kepu").with(csrf())
                        .with(TestLogins.as(owner))).andReturn());
        assertThat(links).containsAll(ORDINARY);
        assertThat(jdbc.sql("select title from activity_link where activity_id = ?").param(id).query(String.class)
                .set()).containsExactlyInAnyOrderElementsOf(texts(links));
        assertAllShown("completion page", links, page("/activities/manage/" + id + "/completion", owner), p -> p.text);
        assertJson("completion API", read("/api/v1/activities/" + id + "/completion", owner));

        // the unit's stage summary, written over and over (the long text is exactly at the limit of 10,000)
        Set<Payload> stage = sweep("stage summary (organizer page)", null,
                p -> mvc.perform(post("/summaries/submit/stage").param("body", p.text).with(csrf())
                        .with(TestLogins.as(owner))).andDo(r -> {
                            if (HostileInput.isStored(r)) {
                                long summary = jdbc.sql("select id from org_summary where organization_id = ? and "
                                        + "summary_kind = 'STAGE'").param(owner.organizationId()).query(Long.class).single();
                                assertThat(jdbc.sql("select body from org_summary where id = ?").param(summary)
                                        .query(String.class).single()).isEqualTo(p.text);
                                assertShown("summary page", p.text, page("/summaries/" + summary, coordinator));
                            }
                        }).andReturn());
        assertThat(stage).containsAll(ORDINARY).contains(Payload.LONG);
    }

    @Test
    void feedbackCommentsAndHideReasons() throws Exception {
        long id = fixtures().create("敌意输入评价活动").activityId();
        List<Actor> people = new ArrayList<>();
        List<Long> tickets = new ArrayList<>();
        for (int i = 0; i <= Payload.values().length; i++) {
            Actor p = citizen();
            Ticket t = registrations.register(p, id, new SignupForm("参加者" + i, null));
            registrations.checkIn(city, id, t.code());
            people.add(p);
            tickets.add(t.id());
        }
        clock.set("2021-10-17T09:00:00+08:00");
        int[] next = {0};
        Set<Payload> comments = sweep("feedback comment (ticket page)", () -> count("feedback where activity_id = " + id),
                p -> mvc.perform(post("/tickets/" + tickets.get(next[0]) + "/feedback").param("activityId",
                        String.valueOf(id)).param("rating", "5").param("comment", p.text).with(csrf())
                        .with(TestLogins.as(people.get(next[0]++)))).andReturn());
        assertThat(comments).containsAll(ORDINARY);
        assertThat(jdbc.sql("select comment_text from feedback where activity_id = ?").param(id).query(String.class)
                .set()).containsExactlyInAnyOrderElementsOf(texts(comments));
        assertAllShown("public activity page", comments, page("/activities/" + id, null), p -> p.text);
        assertAllShown("registration desk", comments, page("/activities/" + id + "/registrations", owner), p -> p.text);
        assertJson("feedback API", read("/api/v1/public/activities/" + id + "/feedback", null));

        send(post("/tickets/" + tickets.get(next[0]) + "/feedback").param("activityId", String.valueOf(id))
                .param("rating", "4").param("comment", "备用评价"), people.get(next[0]));
        List<Long> visible = new ArrayList<>(jdbc.sql("select id from feedback where activity_id = ? order by id")
                .param(id).query(Long.class).list());
        Set<Payload> reasons = sweep("feedback hide reason (registration desk)",
                () -> count("feedback where hidden_at is not null and activity_id = " + id),
                p -> mvc.perform(post("/activities/" + id + "/feedback/" + visible.get(0) + "/hide").param("reason",
                        p.text).with(csrf()).with(TestLogins.as(owner))).andDo(r -> {
                                    if (HostileInput.isStored(r)) {
                                        visible.remove(0);
                                    }
                                }).andReturn());
        assertThat(reasons).containsAll(ORDINARY);
        assertAllShown("registration desk", reasons, page("/activities/" + id + "/registrations", owner), p -> p.text);
    }

    @Test
    void recommendationReasonsAndFilingNumbersInTheirSpreadsheets() throws Exception {
        String name = Payload.FORMULA.text + "（推荐）";
        long id = fixtures().create(name).activityId();
        Set<Payload> reasons = sweep("recommendation reason (city page)", null, // each is withdrawn again
                p -> mvc.perform(post("/recommendations").param("activityId", String.valueOf(id))
                        .param("level", "PROVINCE").param("reason", p.text).with(csrf())
                        .with(TestLogins.as(city))).andDo(r -> {
                            if (HostileInput.isStored(r)) {
                                assertThat(jdbc.sql("select reason from recommendation where activity_id = ?")
                                        .param(id).query(String.class).single()).isEqualTo(p.text);
                                assertShown("recommendations", p.text, page("/recommendations", city));
                                if (p == Payload.FORMULA || p == Payload.SCRIPT) {
                                    assertTextCells("recommendations.xlsx", read("/recommendations/export.xlsx", city)
                                            .getContentAsByteArray(), List.of(p.text, name));
                                }
                                long rec = jdbc.sql("select id from recommendation where activity_id = ?").param(id)
                                        .query(Long.class).single();
                                send(post("/recommendations/" + rec + "/withdraw"), city);
                            }
                        }).andReturn());
        assertThat(reasons).containsAll(ORDINARY);

        // a national platform number is an identifier: stored normalized (NFKC, blanks and zero-width removed)
        Set<Payload> references = sweep("national filing number (organizer page)", null,
                p -> mvc.perform(post("/filing/" + id + "/reference").param("reference", p.text).with(csrf())
                        .with(TestLogins.as(owner))).andDo(r -> {
                            if (HostileInput.isStored(r) && (p == Payload.FORMULA || p == Payload.SCRIPT)) {
                                assertThat(jdbc.sql("select reference from activity_national_ref where activity_id = ?")
                                        .param(id).query(String.class).single()).isEqualTo(p.text);
                                assertShown("filing", p.text, page("/filing", owner));
                                assertTextCells("filing.xlsx", read("/filing/export.xlsx", owner).getContentAsByteArray(),
                                        List.of(p.text, name));
                                HostileInput.assertCsv("filing.csv", read("/filing/export.csv", owner)
                                        .getContentAsByteArray(), List.of(p.text, name));
                            }
                        }).andReturn());
        assertThat(references).containsAll(EnumSet.of(Payload.SCRIPT, Payload.FORMULA, Payload.SQL, Payload.EMOJI));
        assertTextCells("summary table", read("/reports/summary.xlsx", city).getContentAsByteArray(), List.of(name));
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    private static List<String> texts(Set<Payload> payloads) {
        return payloads.stream().map(p -> p.text).toList();
    }
}
