package cn.sciday.online;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.core.Cursor;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import cn.sciday.MutableClock;
import cn.sciday.SciDayApplication;
import cn.sciday.TestClockConfiguration;
import cn.sciday.TestLogins;
import cn.sciday.organization.OrganizationView;
import cn.sciday.organization.Organizations;
import cn.sciday.web.Actor;
import cn.sciday.web.Role;

/**
 * With Redis configured, leaderboards and like counts come from Redis sorted sets and counters; these tests play the
 * same attempts and likes and compare every answer with the database's own, entry by entry: equal after the updates
 * that follow each commit, equal again after the Redis keys are deleted (rebuilt from the database), and different
 * when one update is deliberately skipped (the negative control: the comparison can fail, and the reads really come
 * from Redis). The app runs on its own in-memory H2 database with a key prefix of its own in the shared Redis.
 */
@EnabledIfEnvironmentVariable(named = "SCIDAY_TEST_REDIS_URL", matches = ".+",
        disabledReason = "Redis tests need SCIDAY_TEST_REDIS_URL, e.g. redis://127.0.0.1:6379 (set by .ci/run)")
class OnlineBoardsRedisTests {

    static final String STORY = "十年来带领学生科技社团开展气象观测，每周六为社区孩子义务上科学实验课。";
    static final String PREFIX = "sciday-test-" + UUID.randomUUID().toString().substring(0, 8) + ":";

    static ConfigurableApplicationContext app;
    static StringRedisTemplate redis;
    static MutableClock clock;
    static QuizAttempts attempts;
    static QuestionRepository questions;
    static RedisQuizBoards redisBoards;
    static DatabaseQuizBoards databaseBoards;
    static QuizLeaderboard leaderboard;
    static QuizLeaderboard databaseLeaderboard;
    static RedisLikeCounts redisLikes;
    static DatabaseLikeCounts databaseLikes;
    static Likes likes;
    static VideoEntries videos;
    static Volunteers volunteers;
    static VideoRepository videoRepository;
    static Organizations organizations;
    static JdbcClient jdbc;
    static Map<Long, String> divisionNames;
    static long d1;
    static long d2;
    static long d3;

    @BeforeAll
    static void start() {
        String db = "jdbc:h2:mem:boards-" + UUID.randomUUID() + ";MODE=PostgreSQL;DB_CLOSE_DELAY=-1";
        app = new SpringApplicationBuilder(SciDayApplication.class, TestClockConfiguration.class).run(
                "--spring.profiles.active=test", "--server.port=0", "--spring.datasource.url=" + db,
                "--spring.data.redis.url=" + System.getenv("SCIDAY_TEST_REDIS_URL"),
                "--sciday.online.redis.prefix=" + PREFIX, "--sciday.cache.channel=" + PREFIX + "cache");
        redis = app.getBean(StringRedisTemplate.class);
        clock = app.getBean(MutableClock.class);
        attempts = app.getBean(QuizAttempts.class);
        questions = app.getBean(QuestionRepository.class);
        jdbc = app.getBean(JdbcClient.class);
        organizations = app.getBean(Organizations.class);
        redisBoards = app.getBean(RedisQuizBoards.class);
        assertThat(app.getBean(QuizBoards.class)).as("Redis is configured: the Redis boards are the ones used")
                .isSameAs(redisBoards);
        databaseBoards = new DatabaseQuizBoards(jdbc, app.getBean(PlatformTransactionManager.class));
        leaderboard = app.getBean(QuizLeaderboard.class);
        databaseLeaderboard = new QuizLeaderboard(jdbc, app.getBean(QuizLookups.class), databaseBoards,
                new org.springframework.cache.support.NoOpCacheManager());
        redisLikes = app.getBean(RedisLikeCounts.class);
        assertThat(app.getBean(LikeCounts.class)).isSameAs(redisLikes);
        databaseLikes = new DatabaseLikeCounts(app.getBean(LikeRepository.class));
        likes = app.getBean(Likes.class);
        videos = app.getBean(VideoEntries.class);
        volunteers = app.getBean(Volunteers.class);
        videoRepository = app.getBean(VideoRepository.class);
        QuizTestData.ensureQuestions(app.getBean(QuestionBank.class), 10);
        divisionNames = organizations.divisions().stream()
                .collect(Collectors.toMap(OrganizationView::id, OrganizationView::name));
        d1 = organizations.findByName("蓬江区").orElseThrow().id();
        d2 = organizations.findByName("江海区").orElseThrow().id();
        d3 = organizations.findByName("新会区").orElseThrow().id();
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            deleteKeys();
            app.close();
        }
    }

    @AfterEach
    void restore() {
        redisBoards.applyUpdates = true;
        redisLikes.applyUpdates = true;
        clock.reset();
    }

    // ---- the quiz ----------------------------------------------------------------------------------------------

    /** Who played what in a round. */
    record Played(long roundId, Map<String, Actor> people) {

        Actor get(String name) {
            return people.get(name);
        }
    }

    /**
     * Ties on score, time and finish (p1, p2 across divisions; p5, p6), on score and time only (p3 after p1), a
     * better time at the same score (p4), an improved score (p7 from 20 to 50 points), an improved time (p8), a worse
     * second attempt that changes nothing (p9), a zero (p10), an attempt never submitted (p11), a practice attempt
     * (p12), and twenty random people.
     */
    Played play() {
        long round = app.getBean(QuizRounds.class).create(QuizTestData.round(4, 4, 2, 3, true));
        // the first read builds the (empty) board; from then on only the updates after each commit fill it
        assertThat(redisBoards.board(round, null, 10, null, divisionNames).ranked()).isZero();
        assertThat(generation(round)).isEqualTo("1");
        Map<String, Actor> people = new LinkedHashMap<>();
        for (int i = 1; i <= 12; i++) {
            people.put("p" + i, TestLogins.actor(Role.PUBLIC, null));
        }
        Instant t = OffsetDateTime.parse("2021-09-20T10:00:00+08:00").toInstant();
        submit(round, people.get("p1"), d1, t, 8, 100);
        submit(round, people.get("p2"), d2, t, 8, 100);
        submit(round, people.get("p3"), d1, t.plusSeconds(60), 8, 100);
        submit(round, people.get("p4"), d2, t.plusSeconds(60), 8, 90);
        submit(round, people.get("p5"), d1, t.plusSeconds(120), 6, 50);
        submit(round, people.get("p6"), d2, t.plusSeconds(120), 6, 50);
        submit(round, people.get("p7"), d1, t.plusSeconds(180), 4, 120);
        submit(round, people.get("p8"), d2, t.plusSeconds(180), 6, 80);
        submit(round, people.get("p9"), d1, t.plusSeconds(240), 7, 70);
        submit(round, people.get("p10"), d2, t.plusSeconds(240), 0, 20);
        clock.set(t.plusSeconds(250));
        attempts.start(people.get("p11"), round, d1, false);
        clock.set(t.plusSeconds(260));
        QuizPaper practice = attempts.start(people.get("p12"), round, d2, true);
        clock.set(t.plusSeconds(300));
        attempts.submit(people.get("p12"), practice.attemptId(), QuizTestData.answers(practice, questions, 10));
        Random random = new Random(42);
        for (int i = 0; i < 20; i++) {
            Actor someone = TestLogins.actor(Role.PUBLIC, null);
            people.put("r" + i, someone);
            submit(round, someone, random.nextBoolean() ? d1 : d2, t.plusSeconds(400 + 10L * random.nextInt(30)),
                    random.nextInt(11), 20 + random.nextInt(260));
        }
        // improvements and a worse try, later the same day
        submit(round, people.get("p7"), d1, t.plusSeconds(3600), 10, 200);
        submit(round, people.get("p8"), d2, t.plusSeconds(3600), 6, 60);
        submit(round, people.get("p9"), d1, t.plusSeconds(3700), 5, 30);
        return new Played(round, people);
    }

    /** Starts an attempt at {@code at} and submits it {@code seconds} later with {@code right} right answers. */
    void submit(long round, Actor who, long division, Instant at, int right, int seconds) {
        clock.set(at);
        QuizPaper paper = attempts.start(who, round, division, false);
        clock.set(at.plusSeconds(seconds));
        attempts.submit(who, paper.attemptId(), QuizTestData.answers(paper, questions, right));
    }

    @Test
    void quizBoardsFromRedisEqualTheDatabaseOnesEntryByEntry() {
        Played p = play();
        QuizBoards.Snapshot db = databaseBoards.board(p.roundId(), null, 100, null, divisionNames);
        // the play has what it claims: shared ranks, order on finish time, improvements
        Map<Long, QuizLeaderboard.Entry> byAccount = db.entries().stream()
                .collect(Collectors.toMap(QuizLeaderboard.Entry::accountId, e -> e));
        assertThat(db.ranked()).isEqualTo(30);
        assertThat(db.entries()).hasSize(30);
        assertThat(rank(byAccount, p.get("p1"))).isEqualTo(rank(byAccount, p.get("p2")));
        assertThat(rank(byAccount, p.get("p3"))).isEqualTo(rank(byAccount, p.get("p1")) + 2);
        assertThat(rank(byAccount, p.get("p4"))).isLessThan(rank(byAccount, p.get("p1")));
        assertThat(rank(byAccount, p.get("p5"))).isEqualTo(rank(byAccount, p.get("p6")));
        assertThat(byAccount.get(p.get("p7").accountId()).score()).isEqualTo(50);
        assertThat(byAccount.get(p.get("p8").accountId()).millis()).isEqualTo(60_000);
        assertThat(byAccount.get(p.get("p9").accountId()).score()).isEqualTo(35);
        assertThat(byAccount).doesNotContainKeys(p.get("p11").accountId(), p.get("p12").accountId());

        assertBoardsEqual(p);
        assertThat(generation(p.roundId())).as("no rebuild: the boards were kept by the updates alone").isEqualTo("1");
    }

    static String generation(long roundId) {
        return redis.opsForValue().get(redisBoards.scope(roundId) + ":gen");
    }

    @Test
    void deletedKeysAreRebuiltFromTheDatabaseWithTheSameAnswers() {
        Played p = play();
        assertBoardsEqual(p);
        assertThat(deleteKeys()).as("the boards were in Redis").isGreaterThan(0);
        assertThat(redis.hasKey(redisBoards.scope(p.roundId()) + ":gen")).isFalse();
        assertBoardsEqual(p);
        assertThat(redis.hasKey(redisBoards.scope(p.roundId()) + ":gen")).as("rebuilt").isTrue();

        // an update after the rebuild is merged as usual
        submit(p.roundId(), p.get("p10"), d2, OffsetDateTime.parse("2021-09-21T10:00:00+08:00").toInstant(), 10, 30);
        assertThat(redisBoards.board(p.roundId(), null, 1, null, divisionNames).entries().get(0).accountId())
                .isEqualTo(p.get("p10").accountId());
        assertBoardsEqual(p);
    }

    @Test
    void newBestsWaitForTheMergeDelayOrTheNextReadAndArriveTogether() {
        long round = app.getBean(QuizRounds.class).create(QuizTestData.round(4, 4, 2, 3, false));
        assertThat(redisBoards.board(round, null, 10, null, divisionNames).ranked()).isZero();
        Instant t = OffsetDateTime.parse("2021-09-20T10:00:00+08:00").toInstant();

        // boards that merge only when read or stopped (an hour's delay), on the app's Redis and round
        RedisQuizBoards slow = new RedisQuizBoards(app.getBean(OnlineRedis.class), databaseBoards, Duration.ofHours(1));
        for (int i = 0; i < 3; i++) {
            slow.bestImproved(new QuizBestImproved(round, new QuizLeaderboard.Entry(0, 800_000 + i, "等待 " + i, d1, "",
                    10 * i, 60_000, t.plusSeconds(i))));
        }
        assertThat(ranked(round)).as("nothing merged before the delay").isZero();
        QuizBoards.Snapshot read = slow.board(round, null, 10, null, divisionNames);
        assertThat(read.ranked()).as("a read merges what waits first").isEqualTo(3);
        assertThat(read.entries()).extracting(QuizLeaderboard.Entry::accountId).containsExactly(800_002L, 800_001L,
                800_000L);
        assertThat(ranked(round)).isEqualTo(3);

        slow.bestImproved(new QuizBestImproved(round, new QuizLeaderboard.Entry(0, 800_003, "等待 3", d2, "", 40,
                60_000, t.plusSeconds(9))));
        assertThat(ranked(round)).isEqualTo(3);
        slow.destroy();
        assertThat(ranked(round)).as("merged when the app stops").isEqualTo(4);

        // the app's own boards (10 ms): merged without a read
        redisBoards.bestImproved(new QuizBestImproved(round, new QuizLeaderboard.Entry(0, 800_004, "不等", d2, "", 0,
                60_000, t.plusSeconds(10))));
        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (ranked(round) < 5 && System.nanoTime() < until) {
            sleep(20);
        }
        assertThat(ranked(round)).as("merged after the delay").isEqualTo(5);
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** How many are on the round's overall set in Redis, read directly (no merge before). */
    static long ranked(long roundId) {
        Long n = redis.opsForZSet().zCard(redisBoards.scope(roundId) + ":g" + generation(roundId) + ":all");
        return n == null ? 0 : n;
    }

    @Test
    void negativeControlASkippedUpdateMakesTheBoardsDiffer() {
        Played p = play();
        assertBoardsEqual(p);
        redisBoards.applyUpdates = false;
        // p10 goes from 0 to the top; Redis does not hear of it
        submit(p.roundId(), p.get("p10"), d2, OffsetDateTime.parse("2021-09-21T10:00:00+08:00").toInstant(), 10, 30);
        redisBoards.applyUpdates = true;
        QuizBoards.Snapshot db = databaseBoards.board(p.roundId(), null, 10, p.get("p10").accountId(), divisionNames);
        QuizBoards.Snapshot rd = redisBoards.board(p.roundId(), null, 10, p.get("p10").accountId(), divisionNames);
        assertThat(db.me().rank()).isEqualTo(1);
        assertThat(rd).isNotEqualTo(db);
        assertThat(rd.me().rank()).isGreaterThan(1);
        assertThat(redisBoards.board(p.roundId(), d2, 10, null, divisionNames))
                .isNotEqualTo(databaseBoards.board(p.roundId(), d2, 10, null, divisionNames));
        // a rebuild from the database repairs it
        assertThat(redisBoards.rebuild(p.roundId())).isTrue();
        assertBoardsEqual(p);
    }

    static int rank(Map<Long, QuizLeaderboard.Entry> byAccount, Actor who) {
        return byAccount.get(who.accountId()).rank();
    }

    /** Overall, each division (and one nobody played in), several sizes of top N, and everybody's own line. */
    static void assertBoardsEqual(Played p) {
        List<Long> boards = new ArrayList<>();
        boards.add(null);
        boards.addAll(List.of(d1, d2, d3));
        for (Long division : boards) {
            for (int n : new int[] {1, 2, 3, 5, 8, 1000}) {
                assertThat(redisBoards.board(p.roundId(), division, n, null, divisionNames))
                        .as("top %d of board %s", n, division)
                        .isEqualTo(databaseBoards.board(p.roundId(), division, n, null, divisionNames));
            }
            for (Actor who : p.people().values()) {
                QuizBoards.Snapshot rd = redisBoards.board(p.roundId(), division, 3, who.accountId(), divisionNames);
                QuizBoards.Snapshot db = databaseBoards.board(p.roundId(), division, 3, who.accountId(),
                        divisionNames);
                assertThat(rd).as("own line of %s on board %s", who.accountId(), division).isEqualTo(db);
            }
            Long outsider = TestLogins.actor(Role.PUBLIC, null).accountId();
            assertThat(redisBoards.board(p.roundId(), division, 3, outsider, divisionNames).me()).isNull();
        }
        // the facade the pages and the API use gives the same boards as one built on the database alone
        QuizRound round = app.getBean(QuizRounds.class).get(p.roundId());
        Actor someone = p.get("p3");
        assertThat(leaderboard.board(round, null, null, someone.accountId()))
                .isEqualTo(databaseLeaderboard.board(round, null, null, someone.accountId()));
        assertThat(leaderboard.board(round, d1, 5, someone.accountId()))
                .isEqualTo(databaseLeaderboard.board(round, d1, 5, someone.accountId()));
    }

    // ---- likes -------------------------------------------------------------------------------------------------

    /** The generation of the video round's ranking and of the volunteers' (they change only when rebuilt). */
    static List<String> generations(Liked l) {
        return List.of(redis.opsForValue().get(redisLikes.scope(LikeTarget.VIDEO, l.round().id()) + ":gen"),
                redis.opsForValue().get(redisLikes.scope(LikeTarget.VOLUNTEER, null) + ":gen"));
    }

    /** The entries and volunteers of one play of likes. */
    record Liked(VideoRound round, List<VideoEntry> entries, List<Volunteer> people) {
    }

    /**
     * Six videos in two categories and four volunteers, approved (then the rankings are read once, so that what
     * follows reaches Redis through the updates after each commit only) and liked by different citizens: ties on the
     * count (ordered by id) and one entry nobody likes.
     */
    Liked likeSome() {
        Actor admin = OnlineTestData.cityAdmin(organizations);
        VideoRound round = OnlineTestData.openRound(videos, admin, clock.instant(), 10, 10, 300);
        List<VideoEntry> entries = new ArrayList<>();
        String[] categories = {"科学实验", "科普讲解", "科学实验", "科普讲解", "科学实验", "科普讲解"};
        for (int i = 0; i < categories.length; i++) {
            VideoEntry e = videos.submit(OnlineTestData.citizen(), new VideoEntryForm("点赞作品 " + i, "一段简介", "王小明",
                    "江门市第一中学", categories[i], "https://video.example.cn/boards/" + UUID.randomUUID()), null,
                    OnlineTestData.upload("cover.png", OnlineTestData.png()));
            entries.add(videos.approve(admin, e.id()));
        }
        List<Volunteer> people = new ArrayList<>();
        OrganizationView unit = OnlineTestData.unit(organizations, "江海区", "礼乐中学");
        Actor organizer = TestLogins.actor(Role.ORGANIZER, unit.id());
        for (int i = 0; i < 4; i++) {
            Volunteer v = volunteers.submit(organizer, new VolunteerForm("志愿者" + UUID.randomUUID().toString()
                    .substring(0, 4), STORY), null);
            people.add(volunteers.approve(admin, v.id()));
        }
        Liked l = new Liked(round, entries, people);
        assertLikesEqual(l);
        List<String> before = generations(l);
        int[] videoLikes = {5, 3, 3, 0, 1, 5};
        int[] volunteerLikes = {2, 4, 2, 0};
        for (int i = 0; i < videoLikes.length; i++) {
            like(LikeTarget.VIDEO, entries.get(i).id(), videoLikes[i]);
        }
        for (int i = 0; i < volunteerLikes.length; i++) {
            like(LikeTarget.VOLUNTEER, people.get(i).id(), volunteerLikes[i]);
        }
        assertThat(generations(l)).as("no rebuild while liking").isEqualTo(before);
        return l;
    }

    /** The city voids one of entry 0's likes (5 → 4); the next day entry 4 and volunteer 3 get more. */
    void voidOneAndLikeTheNextDay(Liked l) {
        long likeId = jdbc.sql("select min(id) from online_like where target_type = 'VIDEO' and target_id = ?")
                .param(l.entries().get(0).id()).query(Long.class).single();
        likes.voidLike(OnlineTestData.cityAdmin(organizations), likeId);
        clock.advance(Duration.ofDays(1));
        like(LikeTarget.VIDEO, l.entries().get(4).id(), 2);
        like(LikeTarget.VOLUNTEER, l.people().get(3).id(), 1);
    }

    void like(LikeTarget target, long id, int times) {
        for (int i = 0; i < times; i++) {
            clock.advance(Duration.ofSeconds(7 + i));
            likes.like(TestLogins.actor(Role.PUBLIC, null), target, id, OnlineTestData.address());
        }
    }

    @Test
    void likeCountsAndRankingsFromRedisEqualTheDatabaseOnes() {
        Liked l = likeSome();
        List<String> kept = generations(l);
        assertLikesEqual(l);
        assertThat(generations(l)).as("no rebuild: kept by the updates alone").isEqualTo(kept);
        voidOneAndLikeTheNextDay(l);
        List<Long> ids = l.entries().stream().map(VideoEntry::id).toList();
        // the play has what it claims: 4, 3, 3, 0, 3, 5 → 5, then three 3s by id, then 4, 0
        Map<Long, Integer> counts = databaseLikes.counts(LikeTarget.VIDEO, ids);
        assertThat(ids.stream().map(counts::get).toList()).containsExactly(4, 3, 3, 0, 3, 5);
        assertThat(databaseLikes.ranking(LikeTarget.VIDEO, l.round().id(), null, 0, 10))
                .containsExactly(ids.get(5), ids.get(0), ids.get(1), ids.get(2), ids.get(4), ids.get(3));
        assertLikesEqual(l);

        // the pages and the API: order and counts
        assertThat(videos.approved("likes", 50, 0)).extracting(VideoEntry::id, VideoEntry::likeCount)
                .containsExactlyElementsOf(videoRepository.approved(l.round().id(), null, VideoRepository.Sort.LIKES,
                        50, 0).stream().map(e -> org.assertj.core.groups.Tuple.tuple(e.id(), e.likeCount())).toList());
        assertThat(videos.gallery("科学实验", "likes", 1).entries()).extracting(VideoEntry::id)
                .containsExactly(ids.get(0), ids.get(2), ids.get(4));
        assertThat(likes.count(LikeTarget.VIDEO, ids.get(5))).isEqualTo(5);
    }

    @Test
    void deletedLikeKeysAreRebuiltFromTheDatabase() {
        Liked l = likeSome();
        voidOneAndLikeTheNextDay(l);
        assertLikesEqual(l);
        assertThat(deleteKeys()).isGreaterThan(0);
        assertLikesEqual(l);
        assertThat(redis.hasKey(redisLikes.counter(LikeTarget.VIDEO, l.entries().get(0).id()))).as("rebuilt").isTrue();
        like(LikeTarget.VIDEO, l.entries().get(3).id(), 6);
        assertThat(redisLikes.ranking(LikeTarget.VIDEO, l.round().id(), null, 0, 1))
                .containsExactly(l.entries().get(3).id());
        assertLikesEqual(l);
    }

    @Test
    void negativeControlASkippedLikeUpdateMakesCountsAndRankingsDiffer() {
        Liked l = likeSome();
        assertLikesEqual(l);
        long quiet = l.entries().get(3).id();
        redisLikes.applyUpdates = false;
        like(LikeTarget.VIDEO, quiet, 6);
        redisLikes.applyUpdates = true;
        assertThat(databaseLikes.count(LikeTarget.VIDEO, quiet)).isEqualTo(6);
        assertThat(redisLikes.count(LikeTarget.VIDEO, quiet)).isZero();
        assertThat(redisLikes.ranking(LikeTarget.VIDEO, l.round().id(), null, 0, 10))
                .isNotEqualTo(databaseLikes.ranking(LikeTarget.VIDEO, l.round().id(), null, 0, 10));
        deleteKeys();
        assertLikesEqual(l);
    }

    static void assertLikesEqual(Liked l) {
        List<Long> videoIds = l.entries().stream().map(VideoEntry::id).toList();
        List<Long> volunteerIds = l.people().stream().map(Volunteer::id).toList();
        for (String category : new String[] {null, "科学实验", "科普讲解", "生态环保"}) {
            for (int offset = 0; offset < 7; offset++) {
                for (int limit : new int[] {1, 2, 3, 12}) {
                    assertThat(redisLikes.ranking(LikeTarget.VIDEO, l.round().id(), category, offset, limit))
                            .as("videos %s from %d, %d", category, offset, limit)
                            .isEqualTo(databaseLikes.ranking(LikeTarget.VIDEO, l.round().id(), category, offset,
                                    limit));
                }
            }
        }
        for (int offset = 0; offset < 5; offset++) {
            for (int limit : new int[] {1, 2, 200}) {
                assertThat(redisLikes.ranking(LikeTarget.VOLUNTEER, null, null, offset, limit))
                        .isEqualTo(databaseLikes.ranking(LikeTarget.VOLUNTEER, null, null, offset, limit));
            }
        }
        assertThat(redisLikes.counts(LikeTarget.VIDEO, videoIds))
                .isEqualTo(databaseLikes.counts(LikeTarget.VIDEO, videoIds));
        assertThat(redisLikes.counts(LikeTarget.VOLUNTEER, volunteerIds))
                .isEqualTo(databaseLikes.counts(LikeTarget.VOLUNTEER, volunteerIds));
        for (long id : videoIds) {
            assertThat(redisLikes.count(LikeTarget.VIDEO, id)).isEqualTo(databaseLikes.count(LikeTarget.VIDEO, id));
        }
        // the ranking holds the approved ones only, as the database does
        Set<Long> ranked = new HashSet<>(redisLikes.ranking(LikeTarget.VIDEO, l.round().id(), null, 0, 100));
        assertThat(ranked).containsExactlyInAnyOrderElementsOf(videoIds);
    }

    /** Deletes every key of this test run's prefix (as a flush or a restart would); returns how many there were. */
    static int deleteKeys() {
        List<String> keys = new ArrayList<>();
        try (Cursor<String> c = redis.scan(ScanOptions.scanOptions().match(PREFIX + "*").count(1000).build())) {
            c.forEachRemaining(keys::add);
        }
        if (!keys.isEmpty()) {
            redis.delete(keys);
        }
        return keys.size();
    }
}
