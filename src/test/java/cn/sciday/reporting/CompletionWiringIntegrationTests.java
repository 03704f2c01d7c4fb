package cn.sciday.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;

import javax.imageio.ImageIO;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import cn.sciday.IntegrationTest;
import cn.sciday.TestLogins;
import cn.sciday.activity.Activities;
import cn.sciday.activity.ActivityFormat;
import cn.sciday.activity.ActivityUploads;
import cn.sciday.activity.ActivityView;
import cn.sciday.activity.CompletionForm;
import cn.sciday.activity.CompletionLinkForm;
import cn.sciday.activity.CompletionLinkKind;
import cn.sciday.activity.CompletionManagement;
import cn.sciday.activity.SummaryKind;
import cn.sciday.activity.SummaryManagement;
import cn.sciday.activity.Upload;
import cn.sciday.campaign.MilestoneKind;
import cn.sciday.organization.OrganizationView;
import cn.sciday.organization.Organizations;
import cn.sciday.web.Actor;

/**
 * Reporting reads completion and summaries from the activity module: what a unit records in information completion
 * (photos, news links, actual participants) appears in the summary table, and the compliance lists of completion and
 * of the stage summary follow what units did.
 */
@IntegrationTest
class CompletionWiringIntegrationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    Organizations organizations;
    @Autowired
    Activities activities;
    @Autowired
    ActivityUploads uploads;
    @Autowired
    CompletionManagement completion;
    @Autowired
    SummaryManagement summaries;
    @Autowired
    Compliance compliance;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void completionAndSummariesReachTheSummaryTableAndCompliance() throws Exception {
        ReportingFixtures fx = new ReportingFixtures(organizations, activities, uploads, jdbc);
        OrganizationView done = fx.newUnit("台山市");
        OrganizationView idle = fx.newUnit("台山市");
        ActivityView completed = fx.published(done, "台山市",
                fx.form(ReportingFixtures.unique("完成信息"), 2, ActivityFormat.OFFLINE, 200));
        ActivityView bare = fx.published(idle, "台山市",
                fx.form(ReportingFixtures.unique("未完善"), 2, ActivityFormat.OFFLINE, 80));
        Actor owner = fx.organizer(done);
        completion.update(owner, completed.id(), new CompletionForm(180, null, "活动顺利完成，学生反响热烈。"));
        completion.addPhoto(owner, completed.id(), new Upload("现场.png", new ByteArrayResource(png())));
        completion.addLink(owner, completed.id(),
                new CompletionLinkForm(CompletionLinkKind.NEWS, "江门日报报道", "https://news.example.cn/a/1"));
        summaries.submit(owner, SummaryKind.STAGE, "阶段性总结：已完成一场活动。", List.of(), List.of());

        Actor coordinator = fx.coordinator("台山市");
        byte[] file = mvc.perform(get("/reports/summary.xlsx").with(TestLogins.as(coordinator))).andReturn()
                .getResponse().getContentAsByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(file))) {
            Row full = row(book, completed.name());
            assertThat(full.getCell(12).getNumericCellValue()).isEqualTo(180);
            assertThat(full.getCell(15).getNumericCellValue()).isEqualTo(1);
            assertThat(full.getCell(16).getNumericCellValue()).isEqualTo(1);
            Row empty = row(book, bare.name());
            assertThat(empty.getCell(12)).isNull();
            assertThat(empty.getCell(15).getNumericCellValue()).isZero();
        }

        Compliance.MilestoneStatus stage = compliance.of(coordinator, MilestoneKind.STAGE_SUMMARY);
        assertThat(stage.known()).isTrue();
        assertThat(ids(stage.missing())).contains(idle.id()).doesNotContain(done.id());
        Compliance.MilestoneStatus info = compliance.of(coordinator, MilestoneKind.COMPLETION);
        assertThat(ids(info.missing())).contains(idle.id()).doesNotContain(done.id());
    }

    static List<Long> ids(List<Compliance.UnitStatus> list) {
        return list.stream().map(Compliance.UnitStatus::unitId).toList();
    }

    static Row row(XSSFWorkbook book, String activityName) {
        Sheet sheet = book.getSheetAt(0);
        for (Row r : sheet) {
            for (Cell c : r) {
                if (c.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING
                        && c.getStringCellValue().equals(activityName)) {
                    return r;
                }
            }
        }
        throw new AssertionError(activityName + " is not in the summary table");
    }

    static byte[] png() throws Exception {
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        image.setRGB(3, 3, 0xff8800);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
