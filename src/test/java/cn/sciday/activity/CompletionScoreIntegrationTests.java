package cn.sciday.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;

import cn.sciday.IntegrationTest;
import cn.sciday.MutableClock;
import cn.sciday.TestLogins;
import cn.sciday.organization.OrganizationView;
import cn.sciday.organization.Organizations;
import cn.sciday.web.Actor;
import cn.sciday.web.NotFoundException;
import cn.sciday.web.Role;

/**
 * The completeness score per activity, unit and division with exact numbers (a division of its own, so that other
 * tests' data do not count), and lateness against the COMPLETION deadline (10-22) with a moved clock.
 */
@IntegrationTest
@RecordApplicationEvents
class CompletionScoreIntegrationTests {

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
    MutableClock clock;
    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationEvents events;

    ActivityFixtures fixtures;
    OrganizationView division;
    OrganizationView unitA;
    OrganizationView unitB;
    Actor ownerA;
    Actor ownerB;
    Actor coordinator;
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
        city = TestLogins.actor(Role.CITY_ADMIN, organizations.city().id());
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void scoresPerActivityUnitAndDivisionAreRequiredItemsPresentOverRequired() throws Exception {
        long full = fixtures.published(ownerA, coordinator, city, fixtures.form("A 全部完成")).id();
        long online = fixtures.published(ownerA, coordinator, city, fixtures.onlineForm("A 线上")).id();
        long half = fixtures.published(ownerB, coordinator, city, fixtures.form("B 一半")).id();
        long own = fixtures.published(coordinator, null, city, fixtures.form("区科协自办")).id();
        activities.create(ownerB, fixtures.form("B 的草稿不计入"));

        fill(ownerA, full, true, true, 300, "很好");
        completions.addPhoto(ownerA, online, CompletionIntegrationTests.png("a.png"));
        completions.update(ownerB, half, new CompletionForm(40, null, "一般"));

        assertThat(facade.completionOf(full).score()).isEqualTo(100);
        assertThat(facade.completionOf(online).score()).as("1 of 5").isEqualTo(20);
        assertThat(facade.completionOf(half).score()).as("2 of 4").isEqualTo(50);
        assertThat(facade.completionOf(own).score()).isZero();

        CompletionTotals a = facade.totalsOf(unitA.id());
        assertThat(a.itemsPresent()).isEqualTo(5);
        assertThat(a.itemsRequired()).isEqualTo(9);
        assertThat(a.score()).as("5 of 9 = 55.6%").isEqualTo(56);
        assertThat(a.activities()).isEqualTo(2);
        assertThat(a.complete()).isEqualTo(1);
        assertThat(facade.totalsOf(unitB.id()).score()).isEqualTo(50);
        CompletionTotals d = facade.totalsOf(division.id());
        assertThat(d.itemsPresent()).isEqualTo(7);
        assertThat(d.itemsRequired()).isEqualTo(17);
        assertThat(d.score()).as("7 of 17 = 41.2%").isEqualTo(41);
        assertThat(d.activities()).isEqualTo(4);

        CompletionOverview forCoordinator = completions.overview(coordinator);
        assertThat(forCoordinator.bodies()).singleElement().satisfies(t -> assertThat(t.score()).isEqualTo(41));
        assertThat(forCoordinator.units()).extracting(CompletionTotals::organizationId, CompletionTotals::score)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(unitA.id(), 56),
                        org.assertj.core.groups.Tuple.tuple(unitB.id(), 50));
        assertThat(forCoordinator.own().score()).isZero();
        assertThat(forCoordinator.ownActivities()).extracting(ActivityCompletion::activityId).containsExactly(own);

        CompletionOverview forUnit = completions.overview(ownerA);
        assertThat(forUnit.bodies()).isEmpty();
        assertThat(forUnit.units()).isEmpty();
        assertThat(forUnit.own().score()).isEqualTo(56);
        assertThat(forUnit.ownActivities()).extracting(ActivityCompletion::score).containsExactlyInAnyOrder(100, 20);

        CompletionOverview forCity = completions.overview(city);
        assertThat(forCity.own()).isNull();
        assertThat(forCity.bodies()).filteredOn(t -> t.organizationId() == division.id()).singleElement()
                .satisfies(t -> assertThat(t.score()).isEqualTo(41));
        assertThat(forCity.units()).filteredOn(t -> t.organizationId() == unitB.id()).singleElement()
                .satisfies(t -> assertThat(t.score()).isEqualTo(50));

        assertThat(completions.organization(coordinator, unitA.id()).totals().score()).isEqualTo(56);
        assertThatThrownBy(() -> completions.organization(ownerB, unitA.id())).isInstanceOf(NotFoundException.class);
        Actor jianghai = TestLogins.actor(Role.COORDINATOR, organizations.findByName("江海区").orElseThrow().id());
        assertThatThrownBy(() -> completions.organization(jianghai, unitA.id())).isInstanceOf(NotFoundException.class);

        String page = html("/completion", coordinator);
        assertThat(page).contains(division.name()).contains(unitA.name()).contains("41%").contains("56%")
                .contains("50%");
        assertThat(html("/completion/" + unitA.id(), city)).contains("A 全部完成").contains("A 线上").contains("56%");
        assertThat(html("/my/activities", ownerA)).contains("信息完善 100%").contains("信息完善 20%");
    }

    @Test
    void completionAfterTheDeadlineIsLateAndSoIsWhatIsStillMissingThen() {
        long onTime = fixtures.published(ownerA, coordinator, city, fixtures.form("准时完成")).id();
        long afterwards = fixtures.published(ownerA, coordinator, city, fixtures.form("逾期完成")).id();

        clock.set("2021-10-20T10:00:00+08:00");
        assertThat(facade.completionOf(afterwards).late()).as("not due yet").isFalse();
        clock.set("2021-10-22T23:59:00+08:00");
        CompletionView last = fill(ownerA, onTime, true, true, 80, "准时");
        assertThat(last.complete()).isTrue();
        assertThat(last.late()).isFalse();

        clock.set("2021-10-23T00:00:00+08:00");
        assertThat(facade.completionOf(onTime).late()).isFalse();
        assertThat(facade.completionOf(afterwards).late()).as("missing after the deadline").isTrue();
        assertThat(facade.totalsOf(unitA.id()).late()).isEqualTo(1);
        assertThat(completions.overview(ownerA).duePassed()).isTrue();

        CompletionView late = fill(ownerA, afterwards, true, true, 50, "补交");
        assertThat(late.complete()).isTrue();
        assertThat(late.late()).isTrue();
        assertThat(late.completedAt()).hasToString("2021-10-23T00:00+08:00");
        assertThat(events.stream(ActivityCompleted.class).filter(e -> e.activityId() == afterwards))
                .singleElement().satisfies(e -> assertThat(e.late()).isTrue());
        assertThat(events.stream(ActivityCompleted.class).filter(e -> e.activityId() == onTime))
                .singleElement().satisfies(e -> assertThat(e.late()).isFalse());
        clock.set("2021-11-30T00:00:00+08:00");
        assertThat(facade.completionOf(onTime).late()).as("stays on time").isFalse();
        assertThat(facade.totalsOf(unitA.id()).late()).isEqualTo(1);
    }

    private CompletionView fill(Actor owner, long id, boolean photo, boolean link, Integer participants,
            String summary) {
        if (photo) {
            completions.addPhoto(owner, id, CompletionIntegrationTests.png("p.png"));
        }
        if (link) {
            completions.addLink(owner, id, new CompletionLinkForm(CompletionLinkKind.NEWS, "报道",
                    "https://news.example.cn/" + id));
        }
        return completions.update(owner, id, new CompletionForm(participants, null, summary));
    }

    private String html(String url, Actor actor) throws Exception {
        return mvc.perform(get(url).with(TestLogins.as(actor))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }
}
