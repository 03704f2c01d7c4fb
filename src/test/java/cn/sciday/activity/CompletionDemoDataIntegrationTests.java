package cn.sciday.activity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import cn.sciday.IntegrationTest;
import cn.sciday.organization.Organizations;

/** Demo mode seeds completion of some published activities and a few stage summaries, once. */
@IntegrationTest
@TestPropertySource(properties = "sciday.demo.mode=on")
class CompletionDemoDataIntegrationTests {

    @Autowired
    CompletionDemoData demo;
    @Autowired
    ActivityRepository activities;
    @Autowired
    Completions completions;
    @Autowired
    Organizations organizations;

    @Test
    void someActivitiesAreCompletedOnTimeLateOrPartlyAndSomeSummariesAreIn() {
        assertThat(demo.seed()).as("seeded at start-up; a second run adds nothing").isZero();

        ActivityCompletion main = completion(CompletionDemoData.MAIN_EVENT);
        assertThat(main.complete()).isTrue();
        assertThat(main.late()).isFalse();
        assertThat(main.photos()).isEqualTo(3);
        assertThat(main.videoLinks()).isEqualTo(1);
        ActivityCompletion late = completion("新会科技馆“航天梦”主题展");
        assertThat(late.complete()).isTrue();
        assertThat(late.late()).isTrue();
        assertThat(completion("第三届江门科普嘉年华分会场·科技馆奇妙夜").score()).as("links, no photos").isEqualTo(75);
        assertThat(completion("礼乐中学第五届校园科技节").score()).isEqualTo(50);
        assertThat(completion("全媒体科普专栏“科普江门”").score()).isEqualTo(60);

        assertThat(state(ActivityDemoData.SCHOOL).status()).isEqualTo(SummaryStatus.SUBMITTED);
        assertThat(state(ActivityDemoData.SCHOOL).late()).isFalse();
        assertThat(state(ActivityDemoData.XH_MUSEUM).status()).isEqualTo(SummaryStatus.ACCEPTED);
        assertThat(state("江海区科技馆").late()).isTrue();
        assertThat(state("江海区").status()).isEqualTo(SummaryStatus.SUBMITTED);
        assertThat(state("江门市第一中学").status()).isEqualTo(SummaryStatus.MISSING);
    }

    private ActivityCompletion completion(String name) {
        return completions.completionOf(activities.idNamed(name).orElseThrow());
    }

    private SummaryState state(String organization) {
        return completions.summaryStatus(organizations.findByName(organization).orElseThrow().id(),
                SummaryKind.STAGE);
    }
}
