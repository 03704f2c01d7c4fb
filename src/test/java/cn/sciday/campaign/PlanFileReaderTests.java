package cn.sciday.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;

class PlanFileReaderTests {

    static final Resource SHIPPED = new ClassPathResource("plans/jiangmen-2021.yml");

    @Test
    void readsTheShippedJiangmenPlan() {
        Campaign c = PlanFileReader.read(SHIPPED);
        assertThat(c.year()).isEqualTo(2021);
        assertThat(c.theme()).isEqualTo("百年再出发，迈向高水平科技自立自强");
        assertThat(c.startsOn()).isEqualTo(LocalDate.of(2021, 9, 11));
        assertThat(c.endsOn()).isEqualTo(LocalDate.of(2021, 12, 10));
        assertThat(c.brandLabel()).isEqualTo("2021年全国科普日活动");
        assertThat(c.affiliation()).isEqualTo("广东省江门市科学技术协会");
        assertThat(c.mainEvent().date()).isEqualTo(LocalDate.of(2021, 9, 17));
        assertThat(c.mainEvent().venue()).isEqualTo("江海区科技馆");
        assertThat(c.mainEvent().leadUnits()).containsExactly("市科协", "市科技局", "江海区政府");
        assertThat(c.themes()).hasSize(6);
        assertThat(c.themes().get(2).title()).isEqualTo("倡导绿色发展，服务生态建设");
        assertThat(c.cloudActivities()).extracting(CloudActivity::code)
                .contains("QUIZ", "SHORT_VIDEO", "VOLUNTEER_LIKES", "LIVE_STREAM", "TOPIC");
        assertThat(c.workRequirements()).hasSize(5);
    }

    @Test
    void hasAllTwelveJointActionsWithTheirLeadUnits() {
        Campaign c = PlanFileReader.read(SHIPPED);
        Map<String, String> leads = c.jointActions().stream()
                .collect(Collectors.toMap(JointAction::name, j -> String.join("、", j.leadUnits())));
        assertThat(c.jointActions()).extracting(JointAction::number)
                .containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
        assertThat(leads).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                Map.entry("节能低碳科普联合行动", "市发展改革局、市生态环境局、市科协"),
                Map.entry("青少年科技教育联合行动", "市教育局、市科协、团市委"),
                Map.entry("高端创新资源科普联合行动", "市科技局"),
                Map.entry("科技资源科普化联合行动", "市科技局、市科协、市教育局、团市委"),
                Map.entry("新能源科普联合行动", "台山市政府、市科协"),
                Map.entry("水利科普联合行动", "市水利局、市科协"),
                Map.entry("乡村振兴科普联合行动", "市农业农村局、市科协"),
                Map.entry("卫生健康科普联合行动", "市卫生健康局、市科协、市教育局"),
                Map.entry("应急科普联合行动", "市应急管理局、市科协"),
                Map.entry("学会基地科普联合行动", "市科协、市科技局"),
                Map.entry("科普阵地联合行动", "市文化广电旅游体育局、市科协"),
                Map.entry("全媒体科普传播行动", "市科协、市委宣传部")));
        assertThat(c.jointAction(5).orElseThrow().description()).contains("华龙一号");
    }

    @Test
    void hasTheDeadlinesOfSectionSix() {
        Campaign c = PlanFileReader.read(SHIPPED);
        assertThat(c.milestone(MilestoneKind.INTENTION).dueOn()).isEqualTo(LocalDate.of(2021, 9, 24));
        assertThat(c.milestone(MilestoneKind.COMPLETION).dueOn()).isEqualTo(LocalDate.of(2021, 10, 22));
        assertThat(c.milestone(MilestoneKind.STAGE_SUMMARY).dueOn()).isEqualTo(LocalDate.of(2021, 10, 22));
        assertThat(c.milestone(MilestoneKind.FULL_SUMMARY).dueOn()).isEqualTo(LocalDate.of(2021, 12, 10));
    }

    @Test
    void aDeadlineLastsUntilTheEndOfItsDayInBeijing() {
        Campaign c = PlanFileReader.read(SHIPPED);
        assertThat(c.isLate(MilestoneKind.INTENTION, java.time.OffsetDateTime.parse("2021-09-24T23:59:59+08:00")
                .toInstant())).isFalse();
        assertThat(c.isLate(MilestoneKind.INTENTION, java.time.OffsetDateTime.parse("2021-09-25T00:00:00+08:00")
                .toInstant())).isTrue();
        // 2021-09-24 17:00 UTC is already 09-25 01:00 in Beijing.
        assertThat(c.isLate(MilestoneKind.INTENTION, java.time.Instant.parse("2021-09-24T17:00:00Z"))).isTrue();
    }

    @Test
    void aMissingLeadUnitNamesTheFileAndTheField() {
        String broken = shipped().replace("    leadUnits: [市水利局, 市科协]\n", "");
        assertThatThrownBy(() -> PlanFileReader.read(file(broken, "broken-plan.yml")))
                .isInstanceOf(PlanFileException.class)
                .hasMessageContaining("broken-plan.yml")
                .hasMessageContaining("jointActions[5].leadUnits")
                .hasMessageContaining("is required");
    }

    @Test
    void aBadDateNamesTheFieldAndTheValue() {
        String broken = shipped().replace("due: 2021-10-22", "due: 2021-10-32");
        assertThatThrownBy(() -> PlanFileReader.read(file(broken, "bad-date.yml")))
                .isInstanceOf(PlanFileException.class)
                .hasMessageContaining("bad-date.yml")
                .hasMessageContaining("milestones[2].due")
                .hasMessageContaining("2021-10-32");
    }

    @Test
    void aTypoInAFieldNameIsRefusedNotIgnored() {
        String broken = shipped().replace("brandLabel:", "brandLable:");
        assertThatThrownBy(() -> PlanFileReader.read(file(broken, "typo.yml")))
                .isInstanceOf(PlanFileException.class)
                .hasMessageContaining("'brandLable'")
                .hasMessageContaining("unknown field");
    }

    @Test
    void duplicateJointActionNumbersAreRefused() {
        String broken = shipped().replace("  - number: 7\n    name: 乡村振兴", "  - number: 6\n    name: 乡村振兴");
        assertThatThrownBy(() -> PlanFileReader.read(file(broken, "dup.yml")))
                .hasMessageContaining("jointActions[6].number")
                .hasMessageContaining("appears twice");
    }

    @Test
    void aPeriodThatEndsBeforeItStartsIsRefused() {
        String broken = shipped().replace("  end: 2021-12-10", "  end: 2021-09-01");
        assertThatThrownBy(() -> PlanFileReader.read(file(broken, "period.yml")))
                .hasMessageContaining("period.end");
    }

    @Test
    void brokenYamlSaysWhere() {
        assertThatThrownBy(() -> PlanFileReader.read(file("key: x\n  year: [2021\n", "syntax.yml")))
                .isInstanceOf(PlanFileException.class)
                .hasMessageContaining("syntax.yml")
                .hasMessageContaining("line");
    }

    @Test
    void aMissingFileIsNamed() {
        assertThatThrownBy(() -> PlanFileReader.read(new ClassPathResource("plans/nope.yml")))
                .hasMessageContaining("nope.yml").hasMessageContaining("not found");
    }

    @Test
    void aMissingRequiredMilestoneIsRefused() {
        String text = shipped();
        int cut = text.indexOf("  - kind: FULL_SUMMARY");
        assertThatThrownBy(() -> PlanFileReader.read(file(text.substring(0, cut), "ms.yml")))
                .hasMessageContaining("milestones").hasMessageContaining("FULL_SUMMARY");
    }

    static String shipped() {
        try {
            return SHIPPED.getContentAsString(StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static Resource file(String text, String name) {
        return new ByteArrayResource(text.getBytes(StandardCharsets.UTF_8), name);
    }
}
