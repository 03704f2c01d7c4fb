package cn.sciday.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import cn.sciday.IntegrationTest;
import cn.sciday.account.Accounts;
import cn.sciday.activity.ActivityFixtures.Cast;
import cn.sciday.media.Media;
import cn.sciday.organization.Organizations;
import cn.sciday.signup.Registrations;
import cn.sciday.signup.SignupForm;
import cn.sciday.signup.Ticket;
import cn.sciday.web.ConflictException;
import cn.sciday.web.InvalidInputException;
import cn.sciday.web.NotFoundException;

/** Information completion of one activity: items, score, photos (at most 9), links, check-ins, who may change it. */
@IntegrationTest
@RecordApplicationEvents
class CompletionIntegrationTests {

    private static final AtomicLong MOBILE = new AtomicLong(13_700_000_000L);

    @Autowired
    Activities activities;
    @Autowired
    ActivityUploads uploads;
    @Autowired
    CompletionManagement completions;
    @Autowired
    Completions facade;
    @Autowired
    Organizations organizations;
    @Autowired
    Media media;
    @Autowired
    Registrations registrations;
    @Autowired
    Accounts accounts;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationEvents events;

    ActivityFixtures fixtures;
    Cast cast;

    @BeforeEach
    void setUp() {
        fixtures = new ActivityFixtures(organizations, activities, uploads);
        cast = fixtures.cast();
    }

    ActivityView published(ActivityForm form) {
        return fixtures.published(cast.owner(), cast.coordinator(), cast.city(), form);
    }

    @Test
    void anOfflineActivityScoresFourItemsAndIsCompleteWithAllOfThem() {
        long id = published(fixtures.form("四项齐全")).id();
        CompletionView empty = completions.view(cast.owner(), id);
        assertThat(empty.requiredItems()).containsExactly(CompletionItem.PHOTOS, CompletionItem.MEDIA_LINK,
                CompletionItem.PARTICIPANTS, CompletionItem.SUMMARY);
        assertThat(empty.score()).isZero();
        assertThat(empty.editable()).isTrue();

        assertThat(completions.addPhoto(cast.owner(), id, png("现场.png")).score()).isEqualTo(25);
        assertThat(completions.addLink(cast.owner(), id, new CompletionLinkForm(CompletionLinkKind.VIDEO, "视频回放",
                "https://v.example.cn/1")).score()).isEqualTo(50);
        assertThat(completions.update(cast.owner(), id, new CompletionForm(180, null, " ")).score()).isEqualTo(75);
        assertThat(events.stream(ActivityCompleted.class).filter(e -> e.activityId() == id)).isEmpty();
        CompletionView done = completions.update(cast.owner(), id, new CompletionForm(180, null, "效果很好。"));

        assertThat(done.score()).isEqualTo(100);
        assertThat(done.complete()).isTrue();
        assertThat(done.late()).isFalse();
        assertThat(done.completedAt()).isNotNull();
        assertThat(events.stream(ActivityCompleted.class).filter(e -> e.activityId() == id))
                .singleElement().satisfies(e -> {
                    assertThat(e.score()).isEqualTo(100);
                    assertThat(e.late()).isFalse();
                });
        ActivityCompletion read = facade.completionOf(id);
        assertThat(read.photos()).isEqualTo(1);
        assertThat(read.videoLinks()).isEqualTo(1);
        assertThat(read.newsLinks()).isZero();
        assertThat(read.actualParticipants()).isEqualTo(180);
        assertThat(read.score()).isEqualTo(100);
        assertThat(read.complete()).isTrue();

        long link = completions.view(cast.owner(), id).links().get(0).id();
        CompletionView less = completions.removeLink(cast.owner(), id, link);
        assertThat(less.score()).isEqualTo(75);
        assertThat(less.completedAt()).as("no longer complete").isNull();
        assertThat(less.missing()).containsExactly(CompletionItem.MEDIA_LINK);
    }

    @Test
    void anOnlineActivityAlsoNeedsItsOnlineAddress() {
        long id = published(fixtures.onlineForm("线上讲座")).id();
        CompletionView v = completions.view(cast.owner(), id);
        assertThat(v.required()).hasSize(5).contains(CompletionItem.ONLINE_URL);
        assertThat(v.onlineUrlForForm()).as("offered from the proposal").startsWith("https://live.example.cn/");
        assertThat(completions.update(cast.owner(), id, new CompletionForm(null, "https://live.example.cn/r", null))
                .score()).isEqualTo(20);
        assertThat(completions.addLink(cast.owner(), id, new CompletionLinkForm(CompletionLinkKind.NEWS, "报道",
                "http://news.example.cn/a")).score()).isEqualTo(40);
        assertThat(facade.completionOf(id).newsLinks()).isEqualTo(1);
    }

    @Test
    void atMostNinePhotosAndATenthIsRefusedWithNothingStored() {
        long id = published(fixtures.form("九张照片")).id();
        for (int i = 1; i <= 9; i++) {
            assertThat(completions.addPhoto(cast.owner(), id, i % 2 == 0 ? png("p" + i + ".png")
                    : CompletionTestFiles.upload("p" + i + ".jpg", CompletionTestFiles.jpeg())).photos()).hasSize(i);
        }
        long files = mediaRows();
        assertThatThrownBy(() -> completions.addPhoto(cast.owner(), id, png("p10.png")))
                .isInstanceOf(ConflictException.class).hasMessageContaining("最多上传 9 张照片");
        assertThat(mediaRows()).isEqualTo(files);
        CompletionView nine = completions.view(cast.owner(), id);
        assertThat(nine.photosLeft()).isZero();
        assertThat(nine.photos()).allSatisfy(p -> assertThat(p.hasThumbnail()).isTrue());

        CompletionView.Photo third = nine.photos().get(2);
        CompletionView eight = completions.removePhoto(cast.owner(), id, third.id());
        assertThat(eight.photos()).hasSize(8);
        assertThat(media.metadata(third.fileId())).as("its file is deleted").isEmpty();
        assertThat(completions.addPhoto(cast.owner(), id, png("again.png")).photos()).hasSize(9);
        assertThat(facade.completionOf(id).photos()).isEqualTo(9);
        assertThat(jdbc.sql("select count(*) from activity_photo where activity_id = ?").param(id).query(Long.class)
                .single()).isEqualTo(9);
    }

    @Test
    void photosAreImagesCheckedByContent() {
        long id = published(fixtures.form("只收图片")).id();
        assertThatThrownBy(() -> completions.addPhoto(cast.owner(), id,
                CompletionTestFiles.upload("photo.png", CompletionTestFiles.pdf())))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> completions.addPhoto(cast.owner(), id,
                CompletionTestFiles.upload("photo.jpg", CompletionTestFiles.html())))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("网页");
        assertThat(completions.view(cast.owner(), id).photos()).isEmpty();
    }

    @Test
    void linksAndFieldsAreCheckedWithClearMessages() {
        long id = published(fixtures.form("校验")).id();
        assertThatThrownBy(() -> completions.addLink(cast.owner(), id, new CompletionLinkForm(CompletionLinkKind.NEWS,
                "报道", "javascript:alert(1)"))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("http://");
        assertThatThrownBy(() -> completions.addLink(cast.owner(), id, new CompletionLinkForm(null, " ",
                "ftp://x.cn/a"))).isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(InvalidInputException.Problem::field).containsExactly("kind", "title", "url"));
        assertThatThrownBy(() -> completions.update(cast.owner(), id, new CompletionForm(-1, "www.x.cn",
                "x".repeat(2001)))).isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(InvalidInputException.Problem::field)
                        .containsExactly("actualParticipants", "onlineUrl", "summary"));
        assertThat(completions.view(cast.owner(), id).score()).isZero();
    }

    @Test
    void onlyTheOrganizerChangesAPublishedActivitysCompletionAndOthersSeeItOrNot() {
        long id = published(fixtures.form("谁能改")).id();
        CompletionForm form = new CompletionForm(10, null, null);
        assertThatThrownBy(() -> completions.update(cast.coordinator(), id, form))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> completions.update(cast.city(), id, form)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> completions.update(cast.otherOrganizer(), id, form))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> completions.view(cast.otherCoordinator(), id)).isInstanceOf(NotFoundException.class);
        assertThat(completions.view(cast.coordinator(), id).editable()).isFalse();
        assertThat(completions.view(cast.city(), id).editable()).isFalse();

        ActivityView draft = fixtures.inState(cast, ActivityStatus.DRAFT);
        assertThatThrownBy(() -> completions.update(cast.owner(), draft.id(), form))
                .isInstanceOf(ConflictException.class).hasMessageContaining("只有已发布的活动");
        assertThat(completions.view(cast.owner(), draft.id()).completable()).isFalse();
        ActivityView cancelled = fixtures.inState(cast, ActivityStatus.CANCELLED);
        assertThatThrownBy(() -> completions.addPhoto(cast.owner(), cancelled.id(), png("x.png")))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void actualParticipantsArePrefilledWithCheckInsWhenSignUpWasUsed() {
        long id = published(fixtures.form("报名签到")).id();
        for (int i = 0; i < 2; i++) {
            Ticket t = registrations.register(accounts.publicUser(String.valueOf(MOBILE.incrementAndGet())), id,
                    new SignupForm("市民" + i, null));
            registrations.checkIn(cast.owner(), id, t.code());
        }
        registrations.register(accounts.publicUser(String.valueOf(MOBILE.incrementAndGet())), id,
                new SignupForm("没来的", null));

        CompletionView v = completions.view(cast.owner(), id);
        assertThat(v.checkedIn()).isEqualTo(2);
        assertThat(v.actualParticipants()).as("not stored until saved").isNull();
        assertThat(v.participantsForForm()).isEqualTo(2);
        assertThat(completions.update(cast.owner(), id, new CompletionForm(35, null, null)).participantsForForm())
                .isEqualTo(35);
    }

    static Upload png(String name) {
        return CompletionTestFiles.upload(name, CompletionTestFiles.png());
    }

    long mediaRows() {
        return jdbc.sql("select count(*) from media_file").query(Long.class).single();
    }
}
