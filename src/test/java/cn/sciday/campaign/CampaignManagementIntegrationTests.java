package cn.sciday.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;

import cn.sciday.IntegrationTest;
import cn.sciday.web.ConflictException;
import cn.sciday.web.InvalidInputException;

@IntegrationTest
@DirtiesContext
class CampaignManagementIntegrationTests {

    @Autowired
    CampaignManagement campaigns;
    @Autowired
    JdbcClient jdbc;

    @Test
    void startUpSeedsTheJiangmenPlanOnce() {
        Campaign c = jiangmen2021();
        assertThat(c.year()).isEqualTo(2021);
        assertThat(c.jointActions()).hasSize(12);
        assertThat(c.jointAction(5).orElseThrow().leadUnits()).containsExactly("台山市政府", "市科协");
        assertThat(c.mainEvent().leadUnits()).containsExactly("市科协", "市科技局", "江海区政府");
        assertThat(c.milestone(MilestoneKind.FULL_SUMMARY).dueOn()).isEqualTo(LocalDate.of(2021, 12, 10));
        assertThat(audited(c.id())).as("the seeding is in the audit trail").startsWith("CAMPAIGN_LOADED");
    }

    @Test
    void loadingThePlanTwiceChangesNothing() {
        List<Integer> before = counts();
        List<String> auditedBefore = audited(jiangmen2021().id());
        Campaign again = campaigns.load(new ClassPathResource("plans/jiangmen-2021.yml"));
        assertThat(again.id()).isEqualTo(jiangmen2021().id());
        assertThat(counts()).isEqualTo(before);
        assertThat(audited(again.id())).as("nothing changed, nothing audited").isEqualTo(auditedBefore);
    }

    @Test
    void cloningMovesDatesOnAYearAndStartsAsADraft() {
        Campaign source = jiangmen2021();
        assertThat(campaigns.requireCurrent().id()).isEqualTo(source.id());
        assertThat(source.status()).isEqualTo(CampaignStatus.ACTIVE);
        Campaign copy = campaigns.cloneToYear(source.id(), 2022);
        assertThat(copy.id()).isNotEqualTo(source.id());
        assertThat(copy.status()).isEqualTo(CampaignStatus.DRAFT);
        assertThat(copy.year()).isEqualTo(2022);
        assertThat(copy.planKey()).isEqualTo("jiangmen-2022");
        assertThat(copy.brandLabel()).isEqualTo("2022年全国科普日活动");
        assertThat(copy.title()).isEqualTo("2022年江门市全国科普日活动方案");
        assertThat(copy.startsOn()).isEqualTo(LocalDate.of(2022, 9, 11));
        assertThat(copy.endsOn()).isEqualTo(LocalDate.of(2022, 12, 10));
        assertThat(copy.mainEvent().date()).isEqualTo(LocalDate.of(2022, 9, 17));
        assertThat(copy.milestone(MilestoneKind.INTENTION).dueOn()).isEqualTo(LocalDate.of(2022, 9, 24));
        assertThat(copy.jointActions()).isEqualTo(source.jointActions());
        assertThat(copy.themes()).isEqualTo(source.themes());
        // the draft does not replace the running campaign
        assertThat(campaigns.requireCurrent().id()).isEqualTo(source.id());
        // a second copy for the same year is refused
        assertThatThrownBy(() -> campaigns.cloneToYear(source.id(), 2022)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("2022");
        assertThatThrownBy(() -> campaigns.cloneToYear(source.id(), 2020)).isInstanceOf(InvalidInputException.class);

        // activating the draft makes it current and closes the old one, which can then no longer change
        campaigns.activate(copy.id());
        assertThat(campaigns.requireCurrent().id()).isEqualTo(copy.id());
        assertThat(campaigns.get(source.id()).status()).isEqualTo(CampaignStatus.CLOSED);
        assertThatThrownBy(() -> campaigns.moveMilestone(source.id(), MilestoneKind.COMPLETION,
                LocalDate.of(2021, 10, 29))).isInstanceOf(ConflictException.class);

        // each change is in the audit trail, the refused ones are not
        assertThat(audited(copy.id())).containsExactly("CAMPAIGN_CLONED", "CAMPAIGN_ACTIVATED");
        assertThat(audited(source.id())).endsWith("CAMPAIGN_CLOSED").doesNotContain("CAMPAIGN_MILESTONE_MOVED");
    }

    @Test
    void editingChangesTheHeadlineAndJointActions() {
        Campaign c = campaigns.cloneToYear(campaigns.all().stream().mapToLong(Campaign::id).min().orElseThrow(), 2030);
        Campaign edited = campaigns.edit(c.id(), new CampaignDetails("2030年方案", "新主题", LocalDate.of(2030, 9, 1),
                LocalDate.of(2030, 11, 30), "2030年全国科普日活动", "广东省江门市科学技术协会", false));
        assertThat(edited.theme()).isEqualTo("新主题");
        assertThat(edited.lateSubmissionAllowed()).isFalse();
        assertThat(edited.jointActions()).hasSize(12);

        Campaign renamed = campaigns.editJointAction(c.id(), 6, "水利科普联合行动", "节水", List.of("市水利局", " ", "市科协"));
        assertThat(renamed.jointAction(6).orElseThrow().leadUnits()).containsExactly("市水利局", "市科协");
        assertThat(renamed.jointAction(6).orElseThrow().description()).isEqualTo("节水");
        assertThatThrownBy(() -> campaigns.editJointAction(c.id(), 6, "水利", "", List.of()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("牵头单位");
        assertThatThrownBy(() -> campaigns.edit(c.id(), new CampaignDetails("x", "y", LocalDate.of(2030, 9, 1),
                LocalDate.of(2030, 8, 1), "b", "a", true))).isInstanceOf(InvalidInputException.class);

        Campaign moved = campaigns.moveMilestone(c.id(), MilestoneKind.COMPLETION, LocalDate.of(2030, 10, 29));
        assertThat(moved.milestone(MilestoneKind.COMPLETION).dueOn()).isEqualTo(LocalDate.of(2030, 10, 29));

        // one audit entry per change (the refused edits leave none)
        assertThat(audited(c.id())).containsExactly("CAMPAIGN_CLONED", "CAMPAIGN_EDITED",
                "CAMPAIGN_JOINT_ACTION_EDITED", "CAMPAIGN_MILESTONE_MOVED");
    }

    private Campaign jiangmen2021() {
        return campaigns.all().stream().filter(c -> c.planKey().equals("jiangmen-2021")).findFirst().orElseThrow();
    }

    /** The audit trail's actions on one campaign, oldest first. */
    private List<String> audited(long campaignId) {
        return jdbc.sql("select action from audit_entry where target_type = 'CAMPAIGN' and target_id = ? order by id")
                .param(String.valueOf(campaignId)).query(String.class).list();
    }

    private List<Integer> counts() {
        return List.of("campaign", "campaign_theme", "campaign_joint_action", "campaign_joint_action_lead_unit",
                "campaign_milestone", "campaign_cloud_activity", "campaign_work_requirement").stream()
                .map(t -> jdbc.sql("select count(*) from " + t).query(Integer.class).single()).toList();
    }
}
