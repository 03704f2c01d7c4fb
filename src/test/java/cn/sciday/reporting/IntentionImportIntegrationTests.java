package cn.sciday.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import cn.sciday.IntegrationTest;
import cn.sciday.TestLogins;
import cn.sciday.activity.Activities;
import cn.sciday.activity.ActivityFormat;
import cn.sciday.activity.ActivityStatus;
import cn.sciday.activity.ActivityView;
import cn.sciday.activity.Audience;
import cn.sciday.organization.OrganizationView;
import cn.sciday.organization.Organizations;
import cn.sciday.web.Actor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The intention form end to end: the template round trip, the messy files people make, all-or-nothing with row and
 * column messages, imports by a coordinator for its units, and refused files (zip bombs, wrong types, too large,
 * too many rows).
 */
@IntegrationTest
class IntentionImportIntegrationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    Organizations organizations;
    @Autowired
    Activities activities;

    @Autowired
    cn.sciday.activity.ActivityUploads uploads;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ObjectMapper json;

    ReportingFixtures fx;
    OrganizationView unit;
    Actor owner;

    @BeforeEach
    void setUp() {
        fx = new ReportingFixtures(organizations, activities, uploads, jdbc);
        unit = fx.newUnit("江海区");
        owner = fx.organizer(unit);
    }

    JsonNode upload(Actor actor, byte[] content, String name, int status) throws Exception {
        MockHttpServletResponse r = mvc.perform(multipart("/api/v1/forms/intention")
                .file(new MockMultipartFile("file", name, "application/octet-stream", content))
                .with(TestLogins.as(actor)).with(org.springframework.security.test.web.servlet.request
                        .SecurityMockMvcRequestPostProcessors.csrf())).andReturn().getResponse();
        assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(status);
        return json.readTree(r.getContentAsString());
    }

    List<ActivityView> drafts(JsonNode result, Actor viewer) {
        List<ActivityView> list = new ArrayList<>();
        result.get("activityIds").forEach(id -> list.add(activities.get(viewer, id.asLong())));
        return list;
    }

    long activitiesOf(long organizationId) {
        return jdbc.queryForObject("select count(*) from activity where organization_id = ?", Long.class,
                organizationId);
    }

    @Test
    void templateRoundTrip() throws Exception {
        byte[] template = mvc.perform(get("/forms/intention-template.xlsx").with(TestLogins.as(owner)))
                .andReturn().getResponse().getContentAsByteArray();
        byte[] filled;
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(template))) {
            XSSFSheet sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("2021年江门市全国科普日活动项目意向征集表");
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("填报单位：");
            assertThat(sheet.getRow(1).getCell(1).getStringCellValue()).isEqualTo(unit.fullName());
            assertThat(sheet.getRow(1).getCell(6).getStringCellValue()).isEqualTo("联系人：");
            assertThat(sheet.getRow(1).getCell(10).getStringCellValue()).isEqualTo("联系电话：");
            List<String> header = new ArrayList<>();
            sheet.getRow(2).forEach(c -> header.add(c.getStringCellValue()));
            assertThat(header).containsExactly("序号", "活动名称", "举办单位", "归口单位", "所属联合行动", "活动主题", "活动形式", "开始时间",
                    "结束时间", "所在市（区）", "活动地点", "面向对象", "预计参与人数", "是否申报重点活动", "线上活动网址", "活动简介", "联系人",
                    "联系电话", "备注");
            Map<Integer, String> lists = new java.util.HashMap<>();
            for (DataValidation v : sheet.getDataValidations()) {
                int col = v.getRegions().getCellRangeAddress(0).getFirstColumn();
                lists.put(col, v.getValidationConstraint().getFormula1());
            }
            assertThat(lists.keySet()).contains(IntentionColumn.JOINT_ACTION.ordinal(), IntentionColumn.THEMES.ordinal(),
                    IntentionColumn.FORMAT.ordinal(), IntentionColumn.DIVISION.ordinal(),
                    IntentionColumn.AUDIENCES.ordinal(), IntentionColumn.KEY_ACTIVITY.ordinal(),
                    IntentionColumn.COORDINATOR.ordinal());
            Sheet options = book.getSheet(IntentionTemplate.LIST_SHEET);
            assertThat(book.isSheetHidden(book.getSheetIndex(options))).isTrue();
            String joint = lists.get(IntentionColumn.JOINT_ACTION.ordinal());
            String range = book.getName(joint).getRefersToFormula();
            assertThat(range).isEqualTo("'选项'!$A$1:$A$12");
            assertThat(options.getRow(1).getCell(0).getStringCellValue()).isEqualTo("2.青少年科技教育联合行动");
            assertThat(options.getRow(2).getCell(2).getStringCellValue()).isEqualTo("线上+线下");
            List<String> yesNo = List.of(options.getRow(0).getCell(6).getStringCellValue(),
                    options.getRow(1).getCell(6).getStringCellValue());
            assertThat(yesNo).containsExactly("是", "否");

            // fill two rows as a person would: choices from the lists, an Excel date and a typed date
            CellStyle dateStyle = book.createCellStyle();
            dateStyle.setDataFormat(book.createDataFormat().getFormat("yyyy-mm-dd hh:mm"));
            Row r = sheet.createRow(3);
            set(r, IntentionColumn.SEQ, "1");
            set(r, IntentionColumn.NAME, "科学实验营");
            set(r, IntentionColumn.COORDINATOR, "江海区");
            set(r, IntentionColumn.JOINT_ACTION, options.getRow(1).getCell(0).getStringCellValue());
            set(r, IntentionColumn.THEMES, options.getRow(1).getCell(1).getStringCellValue());
            set(r, IntentionColumn.FORMAT, "线下");
            r.createCell(IntentionColumn.STARTS_AT.ordinal()).setCellValue(LocalDateTime.parse("2021-10-16T09:30"));
            r.getCell(IntentionColumn.STARTS_AT.ordinal()).setCellStyle(dateStyle);
            r.createCell(IntentionColumn.ENDS_AT.ordinal()).setCellValue(LocalDateTime.parse("2021-10-16T11:30"));
            r.getCell(IntentionColumn.ENDS_AT.ordinal()).setCellStyle(dateStyle);
            set(r, IntentionColumn.DIVISION, "江海区");
            set(r, IntentionColumn.VENUE, "江海区科技馆");
            set(r, IntentionColumn.AUDIENCES, "青少年");
            r.createCell(IntentionColumn.EXPECTED.ordinal()).setCellValue(150);
            set(r, IntentionColumn.KEY_ACTIVITY, "是");
            set(r, IntentionColumn.SUMMARY, "动手做实验。");
            set(r, IntentionColumn.CONTACT_NAME, "梁老师");
            r.createCell(IntentionColumn.CONTACT_PHONE.ordinal()).setCellValue(13800138000d);
            set(r, IntentionColumn.REMARK, "需要投影仪");
            Row r2 = sheet.createRow(4);
            set(r2, IntentionColumn.NAME, "云上科普讲座");
            set(r2, IntentionColumn.THEMES, "3");
            set(r2, IntentionColumn.FORMAT, "线上");
            set(r2, IntentionColumn.STARTS_AT, "2021年10月20日 19:00");
            set(r2, IntentionColumn.ENDS_AT, "2021年10月20日 20:30");
            set(r2, IntentionColumn.AUDIENCES, "公众");
            set(r2, IntentionColumn.EXPECTED, "500");
            set(r2, IntentionColumn.ONLINE_URL, "https://live.example.cn/room/1");
            set(r2, IntentionColumn.SUMMARY, "线上讲座。");
            set(r2, IntentionColumn.CONTACT_NAME, "陈老师");
            set(r2, IntentionColumn.CONTACT_PHONE, "0750-3862101");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            book.write(out);
            filled = out.toByteArray();
        }

        JsonNode result = upload(owner, filled, "意向征集表.xlsx", 201);
        assertThat(result.get("imported").asInt()).isEqualTo(2);
        List<ActivityView> drafts = drafts(result, owner);
        ActivityView a = drafts.get(0);
        assertThat(a.status()).isEqualTo(ActivityStatus.DRAFT);
        assertThat(a.organizationId()).isEqualTo(unit.id());
        assertThat(a.name()).isEqualTo("科学实验营");
        assertThat(a.jointAction()).isEqualTo(2);
        assertThat(a.themes()).containsExactly(2);
        assertThat(a.startsAt()).isEqualTo(LocalDateTime.parse("2021-10-16T09:30"));
        assertThat(a.endsAt()).isEqualTo(LocalDateTime.parse("2021-10-16T11:30"));
        assertThat(a.divisionName()).isEqualTo("江海区");
        assertThat(a.audiences()).containsExactly(Audience.YOUTH);
        assertThat(a.expectedParticipants()).isEqualTo(150);
        assertThat(a.keyActivity()).isTrue();
        assertThat(a.contactPhone()).isEqualTo("13800138000");
        assertThat(a.description()).isEqualTo("动手做实验。\n备注：需要投影仪");
        ActivityView b = drafts.get(1);
        assertThat(b.format()).isEqualTo(ActivityFormat.ONLINE);
        assertThat(b.startsAt()).isEqualTo(LocalDateTime.parse("2021-10-20T19:00"));
        assertThat(b.onlineUrl()).isEqualTo("https://live.example.cn/room/1");
        assertThat(b.jointAction()).isNull();
    }

    static void set(Row r, IntentionColumn c, String value) {
        r.createCell(c.ordinal()).setCellValue(value);
    }

    @Test
    void messyFilesAsPeopleMakeThem() throws Exception {
        byte[] file;
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            book.createSheet("说明").createRow(0).createCell(0).setCellValue("请在下一个工作表填写");
            XSSFSheet s = book.createSheet("Sheet1");
            s.createRow(0).createCell(0).setCellValue("  2021年江门市全国科普日活动项目意向征集表 ");
            s.addMergedRegion(new CellRangeAddress(0, 1, 0, 18));
            s.createRow(2).createCell(0).setCellValue("填报单位（盖章）：" + unit.name() + "    联系人：梁老师");
            s.addMergedRegion(new CellRangeAddress(2, 2, 0, 18));
            Row h = s.createRow(4);
            String[] headers = {"序号", "活动名称*", "举办单位", "归口单位", "所属联合行动", "活动主题", "活动形式", "开始时间", "结束时间",
                    "所在市(区)", "活动地点", "面向对象", "预计参与人数（人）", "是否申报重点活动", "线上活动网址", "活动简介(200字以内)", "联系人",
                    "联系电话", "备注"};
            for (int i = 0; i < headers.length; i++) {
                h.createCell(i).setCellValue(headers[i]);
            }
            CellStyle dayStyle = book.createCellStyle();
            dayStyle.setDataFormat(book.createDataFormat().getFormat("yyyy\"年\"m\"月\"d\"日\""));
            // row 6: full-width digits and spaces, text dates with 年月日, joint action by name, division by full name
            Row a = s.createRow(5);
            String[] va = {"１", "　社区科普讲座　", unit.name(), "江海区科协", "青少年科技教育联合行动", "２；６", "线下",
                    "２０２１年１０月１６日　９：３０", "2021年10月16日 11:30", "江海区科协", "江海区外海街道", "青少年，老年人;农民",
                    "２００", "否", "", "社区居民科普讲座。", "梁老师", "０７５０－３８６２１０１", ""};
            fill(a, va);
            // row 7 is blank; row 8 holds only a 序号 (pre-numbered template rows count as blank)
            s.createRow(6);
            s.createRow(7).createCell(0).setCellValue("2");
            // row 9: a whole day given as an Excel date without time, joint action by number, division by short name
            Row b = s.createRow(8);
            String[] vb = {"3", "科技馆开放日", "", "", "７", "弘扬科学精神，激发科学梦想", "线下", null, null, "江门市江海区",
                    "江海区科技馆", "公众", "1,000", "是", null, "全天开放。", "陈老师", "0750-3000001", null};
            fill(b, vb);
            b.createCell(7).setCellValue(LocalDateTime.parse("2021-10-17T00:00"));
            b.getCell(7).setCellStyle(dayStyle);
            // row 10: slash date without time as the start, no end: the whole day
            Row c = s.createRow(9);
            String[] vc = {"4", "网络科普答题", null, null, "12.全媒体科普传播行动", "6", "线上+线下", "2021/10/18", null,
                    "江海区", "江海区图书馆", "公众、中小学生", "300人", "否", "https://quiz.example.cn/2021", "线上答题，线下颁奖。",
                    "黄老师", "13800138000", "无"};
            fill(c, vc);
            // rows 11 and 12 share a contact merged down over both rows
            Row d = s.createRow(10);
            fill(d, new String[] {"5", "青少年编程体验", null, null, "2", "2", "线下", "2021-10-19 14:00",
                    "2021-10-19 16:00", "江海区", "江海区少年宫", "青少年", "80", "否", null, "编程体验。", "何老师",
                    "0750-3000002", null});
            Row e = s.createRow(11);
            fill(e, new String[] {"6", "机器人展示", null, null, "2", "2", "线下", "2021-10-20 14:00", "2021-10-20 16:00",
                    "江海区", "江海区少年宫", "青少年", "80", "否", null, "机器人展示。", null, null, null});
            s.addMergedRegion(new CellRangeAddress(10, 11, 16, 17));
            // formatted but empty rows at the end
            CellStyle yellow = book.createCellStyle();
            yellow.setFillForegroundColor(org.apache.poi.ss.usermodel.IndexedColors.YELLOW.getIndex());
            for (int i = 12; i < 40; i++) {
                s.createRow(i).createCell(3).setCellStyle(yellow);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            book.write(out);
            file = out.toByteArray();
        }

        JsonNode result = upload(owner, file, "我的表格.xlsx", 201);
        assertThat(result.get("problems")).isEmpty();
        List<ActivityView> drafts = drafts(result, owner);
        assertThat(drafts).extracting(ActivityView::name)
                .containsExactly("社区科普讲座", "科技馆开放日", "网络科普答题", "青少年编程体验", "机器人展示");
        ActivityView a = drafts.get(0);
        assertThat(a.jointAction()).isEqualTo(2);
        assertThat(a.themes()).containsExactly(2, 6);
        assertThat(a.startsAt()).isEqualTo(LocalDateTime.parse("2021-10-16T09:30"));
        assertThat(a.audiences()).containsExactlyInAnyOrder(Audience.YOUTH, Audience.ELDERLY, Audience.FARMERS);
        assertThat(a.expectedParticipants()).isEqualTo(200);
        assertThat(a.contactPhone()).isEqualTo("0750-3862101");
        assertThat(a.divisionName()).isEqualTo("江海区");
        ActivityView b = drafts.get(1);
        assertThat(b.jointAction()).isEqualTo(7);
        assertThat(b.themes()).containsExactly(2);
        assertThat(b.startsAt()).isEqualTo(LocalDateTime.parse("2021-10-17T00:00"));
        assertThat(b.endsAt()).isEqualTo(LocalDateTime.parse("2021-10-17T23:59"));
        assertThat(b.expectedParticipants()).isEqualTo(1000);
        assertThat(b.keyActivity()).isTrue();
        assertThat(b.divisionName()).isEqualTo("江海区");
        ActivityView c = drafts.get(2);
        assertThat(c.jointAction()).isEqualTo(12);
        assertThat(c.format()).isEqualTo(ActivityFormat.BOTH);
        assertThat(c.startsAt()).isEqualTo(LocalDateTime.parse("2021-10-18T00:00"));
        assertThat(c.endsAt()).isEqualTo(LocalDateTime.parse("2021-10-18T23:59"));
        assertThat(c.audiences()).containsExactlyInAnyOrder(Audience.GENERAL_PUBLIC, Audience.YOUTH);
        assertThat(c.expectedParticipants()).isEqualTo(300);
        ActivityView e = drafts.get(4);
        assertThat(e.contactName()).isEqualTo("何老师");
        assertThat(e.contactPhone()).isEqualTo("0750-3000002");
    }

    static void fill(Row r, String[] values) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] != null) {
                r.createCell(i).setCellValue(values[i]);
            }
        }
    }

    @Test
    void hostileTextInCellsIsImportedAsTypedButInvisibleControlCharactersAreRefused() throws Exception {
        long before = activitiesOf(unit.id());
        byte[] withControl = ReportingFixtures.form(ReportingFixtures.row("<script>alert(1)</script>科普", null),
                ReportingFixtures.row("科_x0007_普日_x001B_[31m", null)); // how Excel keeps BEL and ESC
        JsonNode refused = upload(owner, withControl, "form.xlsx", 400);
        assertThat(refused.get("problems")).hasSize(1);
        assertThat(refused.get("problems").get(0).get("row").asInt()).isEqualTo(5);
        assertThat(refused.get("problems").get(0).get("column").asText()).isEqualTo("活动名称");
        assertThat(refused.get("problems").get(0).get("message").asText()).contains("控制字符");
        assertThat(activitiesOf(unit.id())).isEqualTo(before);

        List<String> names = List.of("<script>alert(1)</script>科普", "\"><img src=x onerror=alert(1)>",
                "科普'; DROP TABLE activity; --", "=cmd|'/C calc'!A0科普", "机器人🤖实验🧪👵", "科普\u202egnp.exe");
        JsonNode imported = upload(owner, ReportingFixtures.form(names.stream()
                .map(n -> ReportingFixtures.row(n, null)).toArray(String[][]::new)), "form.xlsx", 201);
        assertThat(drafts(imported, owner)).extracting(ActivityView::name).containsExactlyElementsOf(names);
    }

    @Test
    void allOrNothingWithRowAndColumnMessages() throws Exception {
        String[] good = ReportingFixtures.row("好的活动", null);
        String[] noName = ReportingFixtures.row(null, null);
        noName[7] = "2021-13-40";
        String[] badChoices = ReportingFixtures.row("地点不明的活动", null);
        badChoices[4] = "99";
        badChoices[9] = "火星区";
        badChoices[12] = "很多";
        String[] longSummary = ReportingFixtures.row("简介太长的活动", null);
        longSummary[15] = "长".repeat(201);
        longSummary[17] = "电话：123";
        byte[] file = ReportingFixtures.form(good, noName, badChoices, longSummary);

        long before = activitiesOf(unit.id());
        JsonNode result = upload(owner, file, "form.xlsx", 400);
        assertThat(result.get("imported").asInt()).isZero();
        List<String> problems = new ArrayList<>();
        result.get("problems").forEach(p -> problems.add(p.get("row").asInt() + "|" + p.get("column").asText() + "|"
                + p.get("message").asText()));
        assertThat(problems).containsExactly(
                "5|开始时间|日期“2021-13-40”不存在。",
                "5|活动名称|请填写活动名称。",
                "6|所属联合行动|没有编号为 99 的联合行动（编号为 1–12）。",
                "6|所在市（区）|“火星区”不是本市的市（区），请填写：蓬江区、江海区、新会区、台山市、开平市、鹤山市、恩平市。",
                "6|预计参与人数|预计参与人数应为整数，如 200。",
                "7|活动简介|活动简介不能超过200个字。",
                "7|联系电话|联系电话只能包含数字、括号、空格和短横线，长度为7到20位，例如 0750-3501234。");
        assertThat(activitiesOf(unit.id())).isEqualTo(before);

        // a later row that only the activity rules refuse rolls back the rows already created before it
        String[] late = ReportingFixtures.row("结束早于开始", null);
        late[8] = "2021-10-16 08:00";
        JsonNode rolledBack = upload(owner, ReportingFixtures.form(good, ReportingFixtures.row("第二个好活动", null), late),
                "form.xlsx", 400);
        assertThat(rolledBack.get("problems")).hasSize(1);
        assertThat(rolledBack.get("problems").get(0).get("row").asInt()).isEqualTo(6);
        assertThat(rolledBack.get("problems").get(0).get("column").asText()).isEqualTo("结束时间");
        assertThat(activitiesOf(unit.id())).isEqualTo(before);

        // corrected, the same file imports every row
        byte[] fixed = ReportingFixtures.form(good, ReportingFixtures.row("补上名称的活动", null),
                ReportingFixtures.row("地点明确的活动", null), ReportingFixtures.row("简介合适的活动", null));
        assertThat(upload(owner, fixed, "form.xlsx", 201).get("imported").asInt()).isEqualTo(4);
        assertThat(activitiesOf(unit.id())).isEqualTo(before + 4);
    }

    @Test
    void aCoordinatorImportsForItsUnitsOnly() throws Exception {
        OrganizationView second = fx.newUnit("江海区");
        OrganizationView elsewhere = fx.newUnit("新会区");
        Actor coordinator = fx.coordinator("江海区");
        byte[] file = ReportingFixtures.form(ReportingFixtures.row("代填活动一", unit.name()),
                ReportingFixtures.row("代填活动二", second.name()));
        JsonNode result = upload(coordinator, file, "f.xlsx", 201);
        List<ActivityView> drafts = drafts(result, coordinator);
        assertThat(drafts).extracting(ActivityView::organizationId).containsExactly(unit.id(), second.id());
        assertThat(drafts).allMatch(d -> d.status() == ActivityStatus.DRAFT);
        // the unit's own organizer sees and may submit its draft
        assertThat(activities.get(fx.organizer(second), drafts.get(1).id()).may("SUBMIT")).isTrue();

        String[] wrongCoordinator = ReportingFixtures.row("归口写错", unit.name());
        wrongCoordinator[3] = "新会区";
        byte[] bad = ReportingFixtures.form(ReportingFixtures.row("外区单位", elsewhere.name()),
                ReportingFixtures.row("没写单位", null), ReportingFixtures.row("不存在", "查无此单位"), wrongCoordinator);
        List<String> problems = new ArrayList<>();
        upload(coordinator, bad, "f.xlsx", 400).get("problems").forEach(p -> problems.add(p.get("row").asInt() + "|"
                + p.get("column").asText() + "|" + p.get("message").asText()));
        assertThat(problems).containsExactly(
                "4|举办单位|“" + elsewhere.name() + "”不归口江海区，不能代它导入活动。",
                "5|举办单位|请填写举办单位：代所属单位导入时，每行都要写明是哪个单位的活动。",
                "6|举办单位|平台上没有名为“查无此单位”的单位，请填写该单位注册时的名称。",
                "7|归口单位|归口单位应为“江海区”（" + unit.name() + "的归口单位）。");

        // an organizer naming another unit as 举办单位 is refused
        byte[] other = ReportingFixtures.form(ReportingFixtures.row("冒名", second.name()));
        JsonNode refused = upload(owner, other, "f.xlsx", 400);
        assertThat(refused.get("problems").get(0).get("message").asText()).contains("不是您的单位");
    }

    @Test
    void refusesFilesThatAreNotForms() throws Exception {
        assertThat(message(upload(owner, "序号,活动名称\n1,x".getBytes(), "form.xlsx", 400)))
                .isEqualTo("这不是 Excel 表格（.xlsx）文件。请下载模板，填写后直接上传 .xlsx 文件。");
        byte[] ole2 = new byte[512];
        System.arraycopy(new byte[] {(byte) 0xd0, (byte) 0xcf, 0x11, (byte) 0xe0, (byte) 0xa1, (byte) 0xb1, 0x1a,
                (byte) 0xe1}, 0, ole2, 0, 8);
        assertThat(message(upload(owner, ole2, "form.xls", 400))).contains("旧版 Excel 文件（.xls）");
        assertThat(message(upload(owner, "%PDF-1.4 fake".getBytes(), "form.pdf", 400))).contains("这不是 Excel 表格");
        assertThat(message(upload(owner, docx(), "form.xlsx", 400))).isEqualTo("这不是 Excel 表格（.xlsx）文件。");
        assertThat(message(upload(owner, new byte[0], "empty.xlsx", 400))).contains("请选择要上传的意向征集表");
        byte[] noHeader = spreadsheet(new String[] {"姓名", "电话"}, new String[] {"张三", "123"});
        assertThat(message(upload(owner, noHeader, "x.xlsx", 400))).contains("没有找到意向征集表的表头");
    }

    @Test
    void refusesZipBombs() throws Exception {
        byte[] bomb = TestXlsx.zipBomb();
        assertThat(bomb.length).isLessThan(2 * 1024 * 1024);
        assertThat(message(upload(owner, bomb, "bomb.xlsx", 400))).contains("压缩炸弹");
    }

    @Test
    void refusesFilesOverTenMegabytes() throws Exception {
        byte[] big = new byte[10 * 1024 * 1024 + 1];
        big[0] = 'P';
        big[1] = 'K';
        big[2] = 3;
        big[3] = 4;
        assertThat(message(upload(owner, big, "big.xlsx", 400))).startsWith("文件超过 10 MB");
    }

    @Test
    void refusesMoreRowsThanTheLimitWithoutReadingThemAll() throws Exception {
        byte[] huge = TestXlsx.manyRows(IntentionSheet.MAX_DATA_ROWS + 1);
        assertThat(message(upload(owner, huge, "huge.xlsx", 400)))
                .isEqualTo("表格中的活动超过 5000 行，请拆分成多个文件分别导入。");
        assertThat(activitiesOf(unit.id())).isZero();
    }

    @Test
    void thePageShowsProblemsAndSuccess() throws Exception {
        String page = mvc.perform(multipart("/forms/intention").file(new MockMultipartFile("file", "f.xlsx",
                "application/octet-stream", ReportingFixtures.form(ReportingFixtures.row(null, null))))
                .with(TestLogins.as(owner)).with(org.springframework.security.test.web.servlet.request
                        .SecurityMockMvcRequestPostProcessors.csrf()))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("表格有问题，没有导入任何活动").contains("请填写活动名称。").contains("<td>4</td>");
        String ok = mvc.perform(multipart("/forms/intention").file(new MockMultipartFile("file", "f.xlsx",
                "application/octet-stream", ReportingFixtures.form(ReportingFixtures.row("页面导入", null))))
                .with(TestLogins.as(owner)).with(org.springframework.security.test.web.servlet.request
                        .SecurityMockMvcRequestPostProcessors.csrf()))
                .andReturn().getResponse().getContentAsString();
        assertThat(ok).contains("已导入 1 个活动，均为草稿。");
    }

    static String message(JsonNode result) {
        return result.get("problems").get(0).get("message").asText();
    }

    static byte[] docx() throws IOException {
        try (org.apache.poi.xwpf.usermodel.XWPFDocument d = new org.apache.poi.xwpf.usermodel.XWPFDocument()) {
            d.createParagraph().createRun().setText("not a sheet");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            d.write(out);
            return out.toByteArray();
        }
    }

    static byte[] spreadsheet(String[]... rows) throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            Sheet s = book.createSheet("x");
            for (int i = 0; i < rows.length; i++) {
                fill(s.createRow(i), rows[i]);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            book.write(out);
            return out.toByteArray();
        }
    }
}
