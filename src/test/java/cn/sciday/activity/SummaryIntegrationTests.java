package cn.sciday.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import cn.sciday.IntegrationTest;
import cn.sciday.MutableClock;
import cn.sciday.TestLogins;
import cn.sciday.account.Accounts;
import cn.sciday.media.Media;
import cn.sciday.organization.OrganizationView;
import cn.sciday.organization.Organizations;
import cn.sciday.web.Actor;
import cn.sciday.web.ConflictException;
import cn.sciday.web.InvalidInputException;
import cn.sciday.web.NotFoundException;
import cn.sciday.web.Role;

/**
 * Stage and full summaries: a unit submits and may resubmit until accepted; late against the deadline by the
 * injected clock; missing ones overdue once it has passed; the coordinator sees its units and submits its own to the
 * city; who may accept; the coordinator is told; the reporting facade reads the same states.
 */
@IntegrationTest
@RecordApplicationEvents
class SummaryIntegrationTests {

    private static final AtomicLong SEQ = new AtomicLong();

    @Autowired
    Activities activities;
    @Autowired
    ActivityUploads uploads;
    @Autowired
    SummaryManagement summaries;
    @Autowired
    Completions facade;
    @Autowired
    Organizations organizations;
    @Autowired
    Accounts accounts;
    @Autowired
    Media media;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationEvents events;

    ActivityFixtures fixtures;
    OrganizationView division;
    OrganizationView unitA;
    OrganizationView unitB;
    Actor ownerA;
    Actor ownerB;
    Actor coordinator;
    Actor otherCoordinator;
    Actor city;

    @BeforeEach
    void setUp() {
        fixtures = new ActivityFixtures(organizations, activities, uploads);
        division = fixtures.newDivision();
        unitA = fixtures.newUnit(division.name());
        unitB = fixtures.newUnit(division.name());
        ownerA = TestLogins.actor(Role.ORGANIZER, unitA.id());
        ownerB = TestLogins.actor(Role.ORGANIZER, unitB.id());
        coordinator = TestLogins.actor(Role.COORDINATOR, division.id());
        otherCoordinator = TestLogins.actor(Role.COORDINATOR, organizations.findByName("新会区").orElseThrow().id());
        city = TestLogins.actor(Role.CITY_ADMIN, organizations.city().id());
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aUnitSubmitsOnTimeResubmitsUntilAcceptedAndItsCoordinatorIsTold() {
        long coordinatorAccount = accounts.createStaff("sumc" + SEQ.incrementAndGet(), "Good-password-1", "区科协",
                null, Role.COORDINATOR, division.id()).id();
        clock.set("2021-10-22T18:00:00+08:00");
        SummaryView first = summaries.submit(ownerA, SummaryKind.STAGE, "  阶段性总结：开展活动三项。 ",
                List.of(CompletionTestFiles.upload("总结.pdf", CompletionTestFiles.pdf()),
                        CompletionTestFiles.upload("现场.jpg", CompletionTestFiles.jpeg())), List.of());
        assertThat(first.state().status()).isEqualTo(SummaryStatus.SUBMITTED);
        assertThat(first.state().late()).isFalse();
        assertThat(first.body()).isEqualTo("阶段性总结：开展活动三项。");
        assertThat(first.files()).extracting(f -> f.originalName()).containsExactly("总结.pdf", "现场.jpg");
        assertThat(first.mayEdit()).isTrue();
        assertThat(inbox(coordinatorAccount)).anySatisfy(s -> assertThat(s).contains(unitA.name())
                .contains("阶段性总结"));

        clock.set("2021-10-25T09:00:00+08:00");
        long pdf = first.files().get(0).id();
        SummaryView again = summaries.submit(ownerA, SummaryKind.STAGE, "修改后的总结。",
                List.of(CompletionTestFiles.upload("补充.docx", CompletionTestFiles.docx())), List.of(pdf));
        assertThat(again.state().summaryId()).isEqualTo(first.state().summaryId());
        assertThat(again.state().late()).as("lateness is decided by the first submission").isFalse();
        assertThat(again.files()).extracting(f -> f.originalName()).containsExactly("现场.jpg", "补充.docx");
        assertThat(media.metadata(pdf)).isEmpty();
        assertThat(events.stream(SummarySubmitted.class).filter(e -> e.organizationId() == unitA.id()))
                .extracting(SummarySubmitted::resubmission).containsExactly(false, true);

        assertThatThrownBy(() -> summaries.accept(ownerA, again.state().summaryId()))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> summaries.accept(otherCoordinator, again.state().summaryId()))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> summaries.get(ownerB, again.state().summaryId()))
                .isInstanceOf(NotFoundException.class);
        SummaryView accepted = summaries.accept(coordinator, again.state().summaryId());
        assertThat(accepted.state().status()).isEqualTo(SummaryStatus.ACCEPTED);
        assertThat(accepted.mayAccept()).isFalse();
        assertThatThrownBy(() -> summaries.submit(ownerA, SummaryKind.STAGE, "再改", List.of(), List.of()))
                .isInstanceOf(ConflictException.class).hasMessageContaining("已被确认");
        assertThatThrownBy(() -> summaries.accept(city, again.state().summaryId()))
                .isInstanceOf(ConflictException.class);
        assertThat(facade.summaryStatus(unitA.id(), SummaryKind.STAGE).status()).isEqualTo(SummaryStatus.ACCEPTED);
    }

    @Test
    void lateAndMissingAreMarkedByTheClockAgainstEachDeadline() {
        clock.set("2021-10-22T23:59:59+08:00");
        assertThat(facade.summaryStatus(unitB.id(), SummaryKind.STAGE).overdue()).isFalse();
        clock.set("2021-10-23T00:00:00+08:00");
        SummaryView late = summaries.submit(ownerA, SummaryKind.STAGE, "迟交的阶段性总结", List.of(), List.of());
        assertThat(late.state().late()).isTrue();

        SummaryState missing = facade.summaryStatus(unitB.id(), SummaryKind.STAGE);
        assertThat(missing.status()).isEqualTo(SummaryStatus.MISSING);
        assertThat(missing.overdue()).isTrue();
        assertThat(missing.late()).isTrue();
        SummaryState fullNotYet = facade.summaryStatus(unitB.id(), SummaryKind.FULL);
        assertThat(fullNotYet.overdue()).as("the full summary is due 12-10").isFalse();
        assertThat(fullNotYet.dueOn()).hasToString("2021-12-10");
        SummaryView fullOnTime = summaries.submit(ownerA, SummaryKind.FULL, "全面总结", List.of(), List.of());
        assertThat(fullOnTime.state().late()).isFalse();

        SummaryBoard board = summaries.board(coordinator);
        assertThat(board.units()).extracting(SummaryLine::organizationId)
                .containsExactlyInAnyOrder(unitA.id(), unitB.id());
        SummaryLine a = board.units().stream().filter(l -> l.organizationId() == unitA.id()).findFirst().orElseThrow();
        assertThat(a.stage().status()).isEqualTo(SummaryStatus.SUBMITTED);
        assertThat(a.stage().late()).isTrue();
        assertThat(a.full().late()).isFalse();
        SummaryLine b = board.units().stream().filter(l -> l.organizationId() == unitB.id()).findFirst().orElseThrow();
        assertThat(b.stage().overdue()).isTrue();
        assertThat(b.full().status()).isEqualTo(SummaryStatus.MISSING);
        assertThat(b.full().overdue()).isFalse();
        assertThat(facade.summaryStatuses(SummaryKind.STAGE))
                .filteredOn(s -> s.organizationId() == unitA.id() || s.organizationId() == unitB.id())
                .extracting(SummaryState::status).containsExactlyInAnyOrder(SummaryStatus.SUBMITTED,
                        SummaryStatus.MISSING);
    }

    @Test
    void theCoordinatorSubmitsItsOwnToTheCityWhichAcceptsIt() {
        assertThat(summaries.board(coordinator).own()).extracting(v -> v.state().kind())
                .containsExactly(SummaryKind.STAGE, SummaryKind.FULL);
        SummaryView own = summaries.submit(coordinator, SummaryKind.STAGE, "区汇总阶段性总结", List.of(), List.of());
        assertThat(own.state().organizationId()).isEqualTo(division.id());
        assertThat(events.stream(SummarySubmitted.class).filter(e -> e.summaryId() == own.state().summaryId()))
                .singleElement().satisfies(e -> assertThat(e.reviewerOrganizationId())
                        .isEqualTo(organizations.city().id()));
        assertThatThrownBy(() -> summaries.accept(coordinator, own.state().summaryId()))
                .as("not its own").isInstanceOf(AccessDeniedException.class);

        SummaryBoard cityBoard = summaries.board(city);
        assertThat(cityBoard.own()).isEmpty();
        assertThat(cityBoard.bodies()).filteredOn(l -> l.organizationId() == division.id()).singleElement()
                .satisfies(l -> assertThat(l.stage().status()).isEqualTo(SummaryStatus.SUBMITTED));
        assertThat(cityBoard.units()).extracting(SummaryLine::organizationId).contains(unitA.id(), unitB.id());
        assertThat(summaries.get(city, own.state().summaryId()).mayAccept()).isTrue();
        assertThat(summaries.accept(city, own.state().summaryId()).state().status())
                .isEqualTo(SummaryStatus.ACCEPTED);
        assertThat(facade.summaryStatus(division.id(), SummaryKind.STAGE).status())
                .isEqualTo(SummaryStatus.ACCEPTED);

        assertThatThrownBy(() -> summaries.submit(city, SummaryKind.STAGE, "市科协", List.of(), List.of()))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(summaries.board(ownerA).units()).isEmpty();
    }

    @Test
    void badInputChangesNothing() {
        long rows = summaryRows();
        long files = jdbc.sql("select count(*) from media_file").query(Long.class).single();
        assertThatThrownBy(() -> summaries.submit(ownerA, SummaryKind.STAGE, "总结",
                List.of(CompletionTestFiles.upload("ok.pdf", CompletionTestFiles.pdf()),
                        CompletionTestFiles.upload("总结.pdf", CompletionTestFiles.html())), List.of()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("网页");
        assertThatThrownBy(() -> summaries.submit(ownerA, SummaryKind.STAGE, "  ", List.of(), List.of()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("请填写总结内容");
        assertThatThrownBy(() -> summaries.submit(ownerA, SummaryKind.STAGE, "x".repeat(10_001), List.of(),
                List.of())).isInstanceOf(InvalidInputException.class);
        List<Upload> eleven = java.util.stream.IntStream.range(0, 11)
                .mapToObj(i -> CompletionTestFiles.upload(i + ".pdf", CompletionTestFiles.pdf())).toList();
        assertThatThrownBy(() -> summaries.submit(ownerA, SummaryKind.STAGE, "总结", eleven, List.of()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("最多 10 个");
        assertThatThrownBy(() -> summaries.submit(ownerA, null, "总结", List.of(), List.of()))
                .isInstanceOf(InvalidInputException.class);
        assertThat(summaryRows()).isEqualTo(rows);
        assertThat(jdbc.sql("select count(*) from media_file").query(Long.class).single()).isEqualTo(files);
    }

    long summaryRows() {
        return jdbc.sql("select count(*) from org_summary").query(Long.class).single();
    }

    List<String> inbox(long accountId) {
        return jdbc.sql("select subject || ' ' || body from inbox_message where account_id = ?").param(accountId)
                .query(String.class).list();
    }
}
