package cn.sciday;

import static cn.sciday.HostileInput.ORDINARY;
import static cn.sciday.HostileInput.assertAllShown;
import static cn.sciday.HostileInput.assertJson;
import static cn.sciday.HostileInput.assertTextCells;
import static cn.sciday.HostileInput.sweep;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

import cn.sciday.HostileInput.Payload;
import cn.sciday.web.Actor;
import tools.jackson.databind.ObjectMapper;

/**
 * Hostile input in the free-text fields of 云上科普日 (issue 9): topics and their comments and hide reasons, short-video
 * rounds and entries and rejection reasons, volunteer profiles and rejection reasons, live streams, quiz questions and
 * quiz rounds. Each field through its real page form or API call; each stored payload read back from the database
 * (exactly as given) and from the pages, API answers, inboxes and spreadsheets that show it (escaped, text cells).
 */
@IntegrationTest
class HostileInputOnlineTests extends HostileInputSupport {

    @Autowired
    ObjectMapper json;

    /** One character, two UTF-16 units. */
    private static final String ROBOT = "🤖";

    Actor city;
    Actor organizer;

    @BeforeEach
    void people() {
        city = caller(MatrixFixtures.Caller.CITY);
        organizer = caller(MatrixFixtures.Caller.UNIT_OWNER);
    }

    @Test
    void topicsCommentsAndHideReasons() throws Exception {
        // the topic: question and description, through the admin page
        Set<Payload> stored = sweep("topic (admin page)", () -> count("topic"),
                p -> mvc.perform(multipart("/admin/online/topics").param("question", p.text)
                        .param("description", p.and("，欢迎留言。")).param("opensAt", "2021-09-14T08:00")
                        .param("closesAt", "2021-10-30T23:59").param("moderation", "SHOW_AT_ONCE")
                        .with(csrf()).with(TestLogins.as(city))).andReturn());
        assertThat(stored).containsAll(ORDINARY);
        Map<Payload, Long> topics = ids("topic", "question", stored);
        for (Payload p : stored) {
            assertThat(jdbc.sql("select description from topic where id = ?").param(topics.get(p)).query(String.class)
                    .single()).isEqualTo(p.and("，欢迎留言。"));
        }
        String list = page("/online/topics", null);
        assertAllShown("public topics", stored, list, p -> p.text);
        assertAllShown("public topics", stored, list, p -> p.and("，欢迎留言。"));
        assertAllShown("admin topics", stored, page("/admin/online/topics", city), p -> p.text);
        assertJson("topics API", mvc.perform(get("/api/v1/public/online/topics")).andReturn().getResponse());

        // comments by citizens on one of them, through the page; each comment then hidden with a reason
        long topicId = topics.get(Payload.EMOJI);
        List<Actor> citizens = List.of(citizen(), citizen(), citizen());
        int[] n = {0};
        Set<Payload> comments = sweep("topic comment (public page)", () -> count("topic_comment"),
                p -> mvc.perform(post("/online/topics/" + topicId + "/comments").param("body", p.text).with(csrf())
                        .with(TestLogins.as(citizens.get(n[0]++ % 3)))).andReturn());
        assertThat(comments).containsAll(ORDINARY);
        assertAllShown("topic page", comments, page("/online/topics/" + topicId, null), p -> p.text);
        var api = mvc.perform(get("/api/v1/public/online/topics/" + topicId)).andReturn().getResponse();
        assertJson("topic API", api);
        assertThat(api.getContentAsString()).contains(comments.stream().map(p -> json(p.text)).toList());
        assertAllShown("moderation page", comments, page("/admin/online/topics/" + topicId, city), p -> p.text);
        List<Actor> more = List.of(citizen(), citizen(), citizen());
        Set<Payload> viaApi = sweep("topic comment (API)", () -> count("topic_comment"),
                p -> mvc.perform(post("/api/v1/online/topics/" + topicId + "/comments")
                        .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(Map.of("body", p.text)))
                        .with(csrf()).with(TestLogins.as(more.get(n[0]++ % 3)))).andReturn());
        assertThat(viaApi).isEqualTo(comments);

        List<Long> toHide = new ArrayList<>(ids("topic_comment", "body", comments).values());
        toHide.add(spare(post("/online/topics/" + topicId + "/comments").param("body", "备用留言")
                .with(TestLogins.as(citizens.get(n[0] % 3))), "topic_comment")); // the last payloads are refused
        Set<Payload> reasons = sweep("comment hide reason (admin page)", () -> count("topic_comment where status = 'HIDDEN'"),
                p -> mvc.perform(post("/admin/online/topics/comments/" + toHide.get(0) + "/hide").param("reason", p.text)
                        .with(csrf()).with(TestLogins.as(city))).andDo(r -> {
                            if (HostileInput.isStored(r)) {
                                toHide.remove(0);
                            }
                        }).andReturn());
        assertThat(reasons).containsAll(ORDINARY);
        assertThat(jdbc.sql("select hidden_reason from topic_comment where status = 'HIDDEN' and topic_id = ?")
                .param(topicId).query(String.class).set()).containsAll(texts(reasons));
        StringBuilder authors = new StringBuilder();
        for (Actor c : java.util.stream.Stream.concat(citizens.stream(), more.stream()).toList()) {
            authors.append(page("/online/topics/" + topicId, c)).append(page("/inbox", c));
        }
        assertAllShown("own hidden comments and inbox", reasons, authors.toString(), p -> p.text);

        // a reason at its limit in emoji (one character each, two UTF-16 units: what H2 counts)
        assertThat(send(post("/admin/online/topics/comments/" + toHide.get(0) + "/hide").param("reason",
                ROBOT.repeat(200)), city).getStatus()).isEqualTo(302);
        assertThat(jdbc.sql("select hidden_reason from topic_comment where id = ?").param(toHide.get(0))
                .query(String.class).single()).isEqualTo(ROBOT.repeat(200));
    }

    @Test
    void videoRoundsEntriesAndRejectionReasons() throws Exception {
        long round = create("video_round", multipart("/admin/online/rounds").param("title", "敌意输入征集")
                .param("opensAt", "2021-09-14T00:00").param("closesAt", "2021-11-30T23:59").param("maxUploadMb", "2")
                .param("maxDurationSeconds", "300").param("entriesPerPerson", "100").param("entriesPerUnit", "100")
                .param("categories", "科学实验"));
        Set<Payload> rounds = sweep("video round (admin page)", null,
                p -> mvc.perform(multipart("/admin/online/rounds/" + round).param("title", p.text)
                        .param("opensAt", "2021-09-14T00:00").param("closesAt", "2021-11-30T23:59")
                        .param("maxUploadMb", "2").param("maxDurationSeconds", "300").param("entriesPerPerson", "100")
                        .param("entriesPerUnit", "100").param("categories", "科学实验\n" + p.text)
                        .with(csrf()).with(TestLogins.as(city))).andDo(r -> assertStoredRound(r, round, p)).andReturn());
        assertThat(rounds).containsAll(ORDINARY);
        assertAllShown("admin rounds", Set.of(Payload.FULL_WIDTH), page("/admin/online/rounds", city), p -> p.text);
        // the categories a person picks from are the odd ones
        String categories = "科学实验\n" + ORDINARY.stream().map(p -> p.text).collect(Collectors.joining("\n"));
        mvc.perform(multipart("/admin/online/rounds/" + round).param("title", "敌意输入征集")
                .param("opensAt", "2021-09-14T00:00").param("closesAt", "2021-11-30T23:59").param("maxUploadMb", "2")
                .param("maxDurationSeconds", "300").param("entriesPerPerson", "100").param("entriesPerUnit", "100")
                .param("categories", categories).with(csrf()).with(TestLogins.as(city)));
        assertThat(jdbc.sql("select categories from video_round where id = ?").param(round).query(String.class).single())
                .contains(Payload.ZERO_WIDTH.text, Payload.RIGHT_TO_LEFT.text);

        // entries through the API: title, description, author, unit, category
        Actor citizen = citizen();
        Set<Payload> entries = sweep("video entry (API)", () -> count("video_entry"),
                p -> mvc.perform(multipart("/api/v1/online/videos").file(cover()).param("title", p.text)
                        .param("description", p.and("的拍摄过程")).param("authorName", p.text).param("unitName", p.text)
                        .param("category", ORDINARY.contains(p) ? p.text : "科学实验")
                        .param("link", "https://video.example.cn/hostile").with(csrf()).with(TestLogins.as(citizen)))
                        .andReturn());
        assertThat(entries).containsAll(ORDINARY);
        Map<Payload, Long> ids = ids("video_entry", "title", entries);
        for (Payload p : entries) {
            Map<String, Object> row = jdbc.sql("select description, author_name, unit_name, category from video_entry "
                    + "where id = ?").param(ids.get(p)).query().singleRow();
            assertThat(row).containsEntry("description", p.and("的拍摄过程")).containsEntry("author_name", p.text)
                    .containsEntry("unit_name", p.text).containsEntry("category", p.text);
        }
        assertAllShown("my videos", entries, page("/my/videos", citizen), p -> p.text);
        assertAllShown("review list", entries, page("/admin/online/videos", city), p -> p.text);

        // the city returns each with a reason (the submitter sees it), the submitter edits it on the page, the city
        // approves it and the public sees it
        List<Long> pending = new ArrayList<>(ids.values());
        pending.add(spare(multipart("/api/v1/online/videos").file(cover()).param("title", "备用作品")
                .param("authorName", "王小明").param("category", "科学实验").param("link", "https://video.example.cn/x")
                .with(TestLogins.as(citizen)), "video_entry"));
        Set<Payload> reasons = sweep("video rejection reason (admin page)", () -> count("video_entry where status = 'REJECTED'"),
                p -> mvc.perform(post("/admin/online/videos/" + pending.get(0) + "/reject").param("reason", p.text)
                        .with(csrf()).with(TestLogins.as(city))).andDo(r -> {
                            if (HostileInput.isStored(r)) {
                                pending.remove(0);
                            }
                        }).andReturn());
        assertThat(reasons).containsAll(ORDINARY);
        assertAllShown("submitter's inbox", reasons, page("/inbox", citizen), p -> p.text);
        assertAllShown("my videos", reasons, page("/my/videos", citizen), p -> p.text);
        List<Long> returned = jdbc.sql("select id from video_entry where status in ('REJECTED', 'PENDING') and submitter_account_id = ? "
                + "order by id").param(citizen.accountId()).query(Long.class).list();
        int[] next = {0};
        Set<Payload> edited = sweep("video entry edit (page)", () -> count("video_entry where status = 'PENDING'"),
                p -> mvc.perform(multipart("/my/videos/" + returned.get(next[0])).param("title", p.and("（修改）"))
                        .param("description", p.text).param("authorName", p.text).param("unitName", p.text)
                        .param("category", ORDINARY.contains(p) ? p.text : "科学实验")
                        .param("link", "https://video.example.cn/hostile").with(csrf()).with(TestLogins.as(citizen)))
                        .andDo(r -> next[0] += HostileInput.isStored(r) ? 1 : 0).andReturn());
        assertThat(edited).containsAll(ORDINARY);
        for (long id : jdbc.sql("select id from video_entry where status = 'PENDING' and submitter_account_id = ?")
                .param(citizen.accountId()).query(Long.class).list()) {
            mvc.perform(post("/admin/online/videos/" + id + "/approve").with(csrf()).with(TestLogins.as(city)));
        }
        String gallery = page("/online/videos", null);
        assertAllShown("gallery", edited, gallery, p -> p.and("（修改）"));
        assertAllShown("gallery", edited, gallery, p -> p.text);
        String entry = page("/online/videos/" + ids.get(Payload.SCRIPT), null);
        assertAllShown("entry page", Set.of(Payload.SCRIPT), entry, p -> p.and("（修改）"));
        assertJson("videos API", mvc.perform(get("/api/v1/public/online/videos")).andReturn().getResponse());

        // every field at its limit in emoji (one character each, two UTF-16 units: what H2 counts)
        assertThat(send(multipart("/admin/online/rounds/" + round).param("title", ROBOT.repeat(100))
                .param("opensAt", "2021-09-14T00:00").param("closesAt", "2021-11-30T23:59").param("maxUploadMb", "2")
                .param("maxDurationSeconds", "300").param("entriesPerPerson", "100").param("entriesPerUnit", "100")
                .param("categories", categories + "\n" + ROBOT.repeat(30)), city).getStatus()).isEqualTo(302);
        assertThat(send(multipart("/api/v1/online/videos").file(cover()).param("title", ROBOT.repeat(60))
                .param("description", ROBOT.repeat(1000)).param("authorName", ROBOT.repeat(30))
                .param("unitName", ROBOT.repeat(60)).param("category", ROBOT.repeat(30))
                .param("link", "https://video.example.cn/robots"), citizen).getStatus()).isEqualTo(201);
        long robots = newest("video_entry");
        assertThat(send(post("/admin/online/videos/" + robots + "/reject").param("reason", ROBOT.repeat(300)), city)
                .getStatus()).isEqualTo(302);
        assertThat(jdbc.sql("select title, author_name, unit_name, category, rejection_reason from video_entry "
                + "where id = ?").param(robots).query().singleRow()).containsEntry("title", ROBOT.repeat(60))
                .containsEntry("author_name", ROBOT.repeat(30)).containsEntry("unit_name", ROBOT.repeat(60))
                .containsEntry("category", ROBOT.repeat(30)).containsEntry("rejection_reason", ROBOT.repeat(300));
    }

    @Test
    void volunteerProfilesAndRejectionReasons() throws Exception {
        Set<Payload> stored = sweep("volunteer (unit page)", () -> count("volunteer"),
                p -> mvc.perform(multipart("/my/volunteers").param("name", p.text)
                        .param("story", p.and("常年走进社区讲解防灾减灾知识，带领孩子们动手做实验。"))
                        .with(csrf()).with(TestLogins.as(organizer))).andReturn());
        assertThat(stored).containsAll(ORDINARY);
        Map<Payload, Long> ids = ids("volunteer", "person_name", stored);
        for (Payload p : stored) {
            assertThat(jdbc.sql("select story from volunteer where id = ?").param(ids.get(p)).query(String.class)
                    .single()).isEqualTo(p.and("常年走进社区讲解防灾减灾知识，带领孩子们动手做实验。"));
        }
        assertAllShown("unit's volunteers", stored, page("/my/volunteers", organizer), p -> p.text);
        assertAllShown("review list", stored, page("/admin/online/volunteers", city), p -> p.text);

        List<Long> pending = new ArrayList<>(ids.values());
        pending.add(spare(multipart("/my/volunteers").param("name", "备用志愿者")
                .param("story", "常年走进社区讲解防灾减灾知识，带领孩子们动手做实验。").with(TestLogins.as(organizer)),
                "volunteer"));
        Set<Payload> reasons = sweep("volunteer rejection reason (admin page)",
                () -> count("volunteer where status = 'REJECTED'"),
                p -> mvc.perform(post("/admin/online/volunteers/" + pending.get(0) + "/reject").param("reason", p.text)
                        .with(csrf()).with(TestLogins.as(city))).andDo(r -> {
                            if (HostileInput.isStored(r)) {
                                pending.remove(0);
                            }
                        }).andReturn());
        assertThat(reasons).containsAll(ORDINARY);
        assertAllShown("unit's inbox", reasons, page("/inbox", organizer), p -> p.text);
        for (long id : jdbc.sql("select id from volunteer where status = 'REJECTED' and organization_id = ?")
                .param(organizer.organizationId()).query(Long.class).list()) {
            mvc.perform(multipart("/my/volunteers/" + id).param("name", "改过的志愿者")
                    .param("story", "常年走进社区讲解防灾减灾知识，带领孩子们动手做实验。").with(csrf())
                    .with(TestLogins.as(organizer)));
        }
        for (long id : ids.values()) {
            mvc.perform(post("/admin/online/volunteers/" + id + "/approve").with(csrf()).with(TestLogins.as(city)));
        }
        Set<Payload> approved = jdbc.sql("select person_name from volunteer where status = 'APPROVED'")
                .query(String.class).set().stream().flatMap(t -> stored.stream().filter(p -> p.text.equals(t)))
                .collect(Collectors.toSet());
        assertAllShown("public volunteers", approved, page("/online/volunteers", null), p -> p.text);
        assertJson("volunteers API", mvc.perform(get("/api/v1/public/online/volunteers")).andReturn().getResponse());

        // at the limits in emoji (one character each, two UTF-16 units: what H2 counts)
        assertThat(send(multipart("/my/volunteers").param("name", ROBOT.repeat(30)).param("story", ROBOT.repeat(1000)),
                organizer).getStatus()).isEqualTo(302);
        long robot = newest("volunteer");
        assertThat(send(post("/admin/online/volunteers/" + robot + "/reject").param("reason", ROBOT.repeat(300)),
                city).getStatus()).isEqualTo(302);
        assertThat(jdbc.sql("select person_name, rejection_reason from volunteer where id = ?").param(robot).query()
                .singleRow()).containsEntry("person_name", ROBOT.repeat(30))
                .containsEntry("rejection_reason", ROBOT.repeat(300));
    }

    @Test
    void liveStreams() throws Exception {
        Set<Payload> stored = sweep("live stream (admin page)", () -> count("live_stream"),
                p -> mvc.perform(post("/admin/online/streams").param("title", p.text).param("platform", p.text)
                        .param("url", "https://live.example.cn/hostile").param("startsAt", "2021-09-15T08:00")
                        .param("endsAt", "2021-09-15T23:00").param("description", p.and("：实验直播"))
                        .with(csrf()).with(TestLogins.as(city))).andReturn());
        assertThat(stored).containsAll(ORDINARY);
        Map<Payload, Long> ids = ids("live_stream", "title", stored);
        for (Payload p : stored) {
            assertThat(jdbc.sql("select platform, description from live_stream where id = ?").param(ids.get(p))
                    .query().singleRow()).containsEntry("platform", p.text).containsEntry("description", p.and("：实验直播"));
        }
        try {
            assertAllShown("live now", stored, page("/online/live", null), p -> p.text);
            assertAllShown("live now", stored, page("/online/live", null), p -> p.and("：实验直播"));
            assertAllShown("admin streams", stored, page("/admin/online/streams", city), p -> p.text);
            assertJson("streams API", mvc.perform(get("/api/v1/public/online/streams")).andReturn().getResponse());
            // at the limits in emoji (one character each, two UTF-16 units: what H2 counts)
            assertThat(send(post("/admin/online/streams").param("title", ROBOT.repeat(100))
                    .param("platform", ROBOT.repeat(30)).param("url", "https://live.example.cn/robots")
                    .param("startsAt", "2021-09-15T08:00").param("endsAt", "2021-09-15T23:00")
                    .param("description", ROBOT.repeat(1000)), city).getStatus()).isEqualTo(302);
            long robots = newest("live_stream");
            assertThat(jdbc.sql("select platform from live_stream where id = ?").param(robots).query(String.class)
                    .single()).isEqualTo(ROBOT.repeat(30));
            send(post("/admin/online/streams/" + robots + "/delete"), city);
        } finally {
            for (long id : ids.values()) { // other tests count what is live
                mvc.perform(post("/admin/online/streams/" + id + "/delete").with(csrf()).with(TestLogins.as(city)));
            }
        }
    }

    @Test
    void quizQuestionsAndRounds() throws Exception {
        Set<Payload> stored = sweep("quiz question (admin page)", () -> count("quiz_question"),
                p -> mvc.perform(post("/admin/quiz/questions").param("type", "SINGLE").param("stem", p.and("？"))
                        .param("optionA", p.text).param("optionB", p.and("乙")).param("optionC", "丙")
                        .param("optionD", "丁").param("answer", "A").param("explanation", p.and("是正确答案。"))
                        .param("theme", "1").with(csrf()).with(TestLogins.as(city))).andReturn());
        assertThat(stored).containsAll(ORDINARY);
        Map<Payload, Long> ids = ids("quiz_question", "stem", stored, p -> p.and("？"));
        try {
            for (Payload p : stored) {
                assertThat(jdbc.sql("select option_a, option_b, explanation from quiz_question where id = ?")
                        .param(ids.get(p)).query().singleRow()).containsEntry("option_a", p.text)
                        .containsEntry("option_b", p.and("乙")).containsEntry("explanation", p.and("是正确答案。"));
                assertAllShown("question form", Set.of(p), page("/admin/quiz/questions/" + ids.get(p) + "/edit",
                        city), x -> x.and("是正确答案。"));
            }
            assertAllShown("question bank", stored, page("/admin/quiz/questions", city), p -> p.and("？"));
        } finally {
            for (long id : ids.values()) { // not to be drawn in other tests' quizzes
                mvc.perform(post("/admin/quiz/questions/" + id + "/disable").with(csrf()).with(TestLogins.as(city)));
            }
        }

        // a round that has closed (so that it is nobody's current round), renamed to each payload
        long round = create("quiz_round", post("/admin/quiz/rounds").param("title", "敌意输入答题")
                .param("opensAt", "2021-09-01T09:00").param("closesAt", "2021-09-02T09:00").param("trueFalseCount", "1")
                .param("singleCount", "0").param("multipleCount", "0").param("pointsPerQuestion", "5")
                .param("secondsPerQuestion", "30").param("totalSeconds", "600").param("attemptsPerDay", "1")
                .param("leaderboardSize", "10"));
        Set<Payload> titles = sweep("quiz round title (admin page)", null,
                p -> mvc.perform(post("/admin/quiz/rounds/" + round).param("title", p.text)
                        .param("opensAt", "2021-09-01T09:00").param("closesAt", "2021-09-02T09:00")
                        .param("trueFalseCount", "1").param("singleCount", "0").param("multipleCount", "0")
                        .param("pointsPerQuestion", "5").param("secondsPerQuestion", "30").param("totalSeconds", "600")
                        .param("attemptsPerDay", "1").param("leaderboardSize", "10").with(csrf())
                        .with(TestLogins.as(city))).andDo(r -> {
                            if (HostileInput.isStored(r)) {
                                String title = jdbc.sql("select title from quiz_round where id = ?").param(round)
                                        .query(String.class).single();
                                assertThat(title).as("quiz round title").isEqualTo(
                                        r.getRequest().getParameter("title"));
                                HostileInput.assertShown("quiz rounds", title, page("/admin/quiz/rounds", city));
                                if (p == Payload.FORMULA || p == Payload.SCRIPT) {
                                    byte[] xlsx = read("/admin/quiz/rounds/" + round + "/winners.xlsx", city)
                                            .getContentAsByteArray();
                                    assertTextCells("winners.xlsx", xlsx, List.of());
                                    assertThat(HostileInput.cellTexts(xlsx).get(0)).as("winners.xlsx title")
                                            .isIn(title + " 排行榜前 0 名", "'" + title + " 排行榜前 0 名");
                                }
                            }
                        }).andReturn());
        assertThat(titles).containsAll(ORDINARY);
        mvc.perform(post("/admin/quiz/rounds/" + round).param("title", "敌意输入答题").param("opensAt", "2021-09-01T09:00")
                .param("closesAt", "2021-09-02T09:00").param("trueFalseCount", "1").param("singleCount", "0")
                .param("multipleCount", "0").param("pointsPerQuestion", "5").param("secondsPerQuestion", "30")
                .param("totalSeconds", "600").param("attemptsPerDay", "1").param("leaderboardSize", "10")
                .with(csrf()).with(TestLogins.as(city)));
    }

    // ---- helpers ------------------------------------------------------------------------------------------------


    /** Creates a record through a page form as the city admin; returns its id. */
    private long create(String table, AbstractMockHttpServletRequestBuilder<?> request) throws Exception {
        long before = count(table);
        assertThat(mvc.perform(request.with(csrf()).with(TestLogins.as(city))).andReturn().getResponse().getStatus())
                .isEqualTo(302);
        assertThat(count(table)).isEqualTo(before + 1);
        return jdbc.sql("select max(id) from " + table).query(Long.class).single();
    }

    /** One more ordinary record (the last payloads of a sweep over records are refused); its id. */
    private long spare(AbstractMockHttpServletRequestBuilder<?> request, String table) throws Exception {
        assertThat(mvc.perform(request.with(csrf())).andReturn().getResponse().getStatus()).isIn(201, 302);
        return jdbc.sql("select max(id) from " + table).query(Long.class).single();
    }

    /** The newest record of each stored payload, found by the column that holds it exactly (stored as given). */
    private Map<Payload, Long> ids(String table, String column, Set<Payload> stored) {
        return ids(table, column, stored, p -> p.text);
    }

    private Map<Payload, Long> ids(String table, String column, Set<Payload> stored,
            java.util.function.Function<Payload, String> text) {
        Map<Payload, Long> ids = new EnumMap<>(Payload.class);
        for (Payload p : stored) {
            List<Long> found = jdbc.sql("select id from " + table + " where " + column + " = ? order by id desc")
                    .param(text.apply(p)).query(Long.class).list();
            assertThat(found).as(table + "." + column + " stored as given: " + p).isNotEmpty();
            ids.put(p, found.get(0));
        }
        return ids;
    }

    private void assertStoredRound(MvcResult r, long round, Payload p) {
        if (HostileInput.isStored(r)) {
            Map<String, Object> row = jdbc.sql("select title, categories from video_round where id = ?").param(round)
                    .query().singleRow();
            assertThat(row.get("title")).as("round title").isEqualTo(p.text);
            assertThat((String) row.get("categories")).as("round categories").contains(p.text);
        }
    }


    private static List<String> texts(Set<Payload> payloads) {
        return payloads.stream().map(p -> p.text).toList();
    }

    /** The text as a JSON string holds it (Jackson escapes quotes and backslashes only). */
    private static String json(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private static MockMultipartFile cover() throws Exception {
        BufferedImage image = new BufferedImage(64, 36, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return new MockMultipartFile("coverFile", "封面.png", "image/png", out.toByteArray());
    }
}
