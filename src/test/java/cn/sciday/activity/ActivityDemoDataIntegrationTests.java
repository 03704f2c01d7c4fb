package cn.sciday.activity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.env.MockEnvironment;

import cn.sciday.IntegrationTest;
import cn.sciday.TestLogins;
import cn.sciday.campaign.CampaignManagement;
import cn.sciday.organization.OrganizationView;
import cn.sciday.organization.Organizations;
import cn.sciday.web.Actor;
import cn.sciday.web.DemoMode;
import cn.sciday.web.Role;

/** The demo data: a living campaign in every state, across divisions and joint actions; seeded once. */
@IntegrationTest
class ActivityDemoDataIntegrationTests {

    @Autowired
    Activities activities;
    @Autowired
    ActivityUploads uploads;
    @Autowired
    Organizations organizations;
    @Autowired
    CampaignManagement campaigns;

    @Test
    void seedsOnlyInDemoModeAndOnlyOnce() throws Exception {
        ActivityDemoData off = new ActivityDemoData(activities, uploads, organizations,
                new DemoMode(new MockEnvironment().withProperty("sciday.demo.mode", "off")));
        off.run(null);
        assertThat(activities.existsNamed(ActivityDemoData.OWN.get(0).name())).isFalse();

        ActivityDemoData on = new ActivityDemoData(activities, uploads, organizations,
                new DemoMode(new MockEnvironment().withProperty("sciday.demo.mode", "on")));
        on.run(null);
        assertThat(on.seed()).as("a second run adds nothing").isZero();

        Actor city = TestLogins.actor(Role.CITY_ADMIN, organizations.city().id());
        List<ActivityView> all = new ArrayList<>();
        ActivityPage<ActivityView> page;
        int n = 0;
        do {
            page = activities.visibleTo(city, new ActivityFilter(null, null, null, false, n++, 500));
            all.addAll(page.items());
        } while (page.hasNext());
        Set<String> demoNames = new java.util.HashSet<>();
        ActivityDemoData.SPECS.forEach(s -> demoNames.add(s.name()));
        ActivityDemoData.OWN.forEach(s -> demoNames.add(s.name()));
        List<ActivityView> demo = all.stream().filter(a -> demoNames.contains(a.name())).toList();

        assertThat(demo).hasSizeGreaterThanOrEqualTo(48);
        assertThat(demo.stream().map(ActivityView::status).collect(Collectors.toSet()))
                .containsExactlyInAnyOrderElementsOf(EnumSet.allOf(ActivityStatus.class));
        assertThat(demo.stream().map(ActivityView::jointAction).filter(Objects::nonNull).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
        assertThat(demo.stream().map(ActivityView::divisionName).filter(Objects::nonNull).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder("蓬江区", "江海区", "新会区", "台山市", "开平市", "鹤山市", "恩平市");
        assertThat(demo).allSatisfy(a -> {
            assertThat(a.startsAt().toLocalDate()).isBetween(java.time.LocalDate.of(2021, 9, 11),
                    java.time.LocalDate.of(2021, 12, 10));
            assertThat(a.endsAt().toLocalDate()).isBeforeOrEqualTo(java.time.LocalDate.of(2021, 12, 10));
        });

        OrganizationView school = organizations.findByName("江门市江海区礼乐中学").orElseThrow();
        assertThat(school.isApproved()).isTrue();
        assertThat(school.parentName()).isEqualTo("江海区");
        Actor schoolOrganizer = TestLogins.actor(Role.ORGANIZER, school.id());
        assertThat(activities.ownedBy(schoolOrganizer, ActivityFilter.all()).items().stream()
                .map(ActivityView::status).collect(Collectors.toSet()))
                .containsExactlyInAnyOrderElementsOf(EnumSet.allOf(ActivityStatus.class));
        OrganizationView museum = organizations.findByName("新会区科学技术馆").orElseThrow();
        assertThat(museum.parentName()).isEqualTo("新会区");

        Actor jianghai = TestLogins.actor(Role.COORDINATOR, organizations.findByName("江海区").orElseThrow().id());
        assertThat(activities.reviewQueue(jianghai, ActivityFilter.all()).items().stream()
                .filter(a -> demoNames.contains(a.name())).count()).isGreaterThanOrEqualTo(2);
        assertThat(activities.reviewQueue(city, ActivityFilter.all()).items().stream()
                .filter(a -> demoNames.contains(a.name()) && a.reviewLevel() == ReviewLevel.CITY).count())
                .as("divisions' and departments' own submissions wait for the city").isGreaterThanOrEqualTo(2);

        ActivityView mainEvent = demo.stream().filter(a -> a.name().equals(ActivityDemoData.OWN.get(0).name()))
                .findFirst().orElseThrow();
        assertThat(mainEvent.status()).isEqualTo(ActivityStatus.PUBLISHED);
        assertThat(mainEvent.brandLabel()).isEqualTo(campaigns.requireCurrent().brandLabel());
        ActivityView returned = demo.stream().filter(a -> a.status() == ActivityStatus.RETURNED).findFirst()
                .orElseThrow();
        assertThat(returned.returnReason()).isNotBlank();
        assertThat(activities.history(city, returned.id())).extracting(ActivityTransitionView::action)
                .containsExactly("CREATE", "SUBMIT", "RETURN");
    }
}
