package cn.sciday.reporting;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import cn.sciday.campaign.Campaign;
import cn.sciday.campaign.ContentTheme;
import cn.sciday.campaign.JointAction;
import cn.sciday.organization.OrganizationView;
import cn.sciday.web.SpreadsheetText;

/**
 * Writes the intention form (附件1): the title "2021年江门市全国科普日活动项目意向征集表", the row for 填报单位 / 联系人 /
 * 联系电话, the 19 column headers and, for {@link #ROWS} rows, dropdowns for joint actions, themes, formats,
 * divisions, 归口单位, audiences and 是/否 (lists on a hidden sheet). Themes and audiences accept typed text too,
 * so that several can be listed in one cell.
 */
final class IntentionTemplate {

    static final int ROWS = 1000;
    static final int HEADER_ROW = 2;
    static final String LIST_SHEET = "选项";

    private IntentionTemplate() {
    }

    static String title(Campaign c) {
        return c.year() + "年" + c.city() + "全国科普日活动项目意向征集表";
    }

    static String jointActionOption(JointAction j) {
        return j.number() + "." + j.name();
    }

    static String themeOption(ContentTheme t) {
        return t.number() + "." + t.title();
    }

    static void write(Campaign campaign, List<OrganizationView> divisions, List<OrganizationView> bodies,
            OrganizationView filler, OutputStream out) throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            Sheet sheet = book.createSheet("意向征集表");
            Sheet lists = book.createSheet(LIST_SHEET);
            writeInstructions(book.createSheet("填表说明"));
            int n = IntentionColumn.ALL.size();

            CellStyle titleStyle = book.createCellStyle();
            Font titleFont = book.createFont();
            titleFont.setBold(true);
            titleFont.setFontHeightInPoints((short) 16);
            titleStyle.setFont(titleFont);
            titleStyle.setAlignment(HorizontalAlignment.CENTER);
            Row title = sheet.createRow(0);
            title.setHeightInPoints(28);
            title.createCell(0).setCellValue(title(campaign));
            title.getCell(0).setCellStyle(titleStyle);
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, n - 1));

            Row filled = sheet.createRow(1);
            filled.createCell(0).setCellValue("填报单位：");
            filled.createCell(1).setCellValue(filler == null ? "" : SpreadsheetText.safe(filler.fullName()));
            sheet.addMergedRegion(new CellRangeAddress(1, 1, 1, 5));
            filled.createCell(6).setCellValue("联系人：");
            filled.createCell(7).setCellValue(filler == null || filler.contactName() == null ? ""
                    : SpreadsheetText.safe(filler.contactName()));
            sheet.addMergedRegion(new CellRangeAddress(1, 1, 7, 9));
            filled.createCell(10).setCellValue("联系电话：");
            filled.createCell(11).setCellValue(filler == null || filler.contactPhone() == null ? ""
                    : SpreadsheetText.safe(filler.contactPhone()));
            sheet.addMergedRegion(new CellRangeAddress(1, 1, 11, 13));

            CellStyle headerStyle = book.createCellStyle();
            Font bold = book.createFont();
            bold.setBold(true);
            headerStyle.setFont(bold);
            headerStyle.setWrapText(true);
            headerStyle.setAlignment(HorizontalAlignment.CENTER);
            headerStyle.setVerticalAlignment(VerticalAlignment.CENTER);
            headerStyle.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            headerStyle.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            headerStyle.setBorderBottom(BorderStyle.THIN);
            Row header = sheet.createRow(HEADER_ROW);
            for (IntentionColumn c : IntentionColumn.ALL) {
                header.createCell(c.ordinal()).setCellValue(c.header());
                header.getCell(c.ordinal()).setCellStyle(headerStyle);
                sheet.setColumnWidth(c.ordinal(), width(c) * 256);
            }
            sheet.createFreezePane(2, HEADER_ROW + 1);

            CellStyle text = book.createCellStyle();
            text.setDataFormat(book.createDataFormat().getFormat("@"));
            sheet.setDefaultColumnStyle(IntentionColumn.CONTACT_PHONE.ordinal(), text);
            CellStyle dateTime = book.createCellStyle();
            dateTime.setDataFormat(book.createDataFormat().getFormat("yyyy-mm-dd hh:mm"));
            sheet.setDefaultColumnStyle(IntentionColumn.STARTS_AT.ordinal(), dateTime);
            sheet.setDefaultColumnStyle(IntentionColumn.ENDS_AT.ordinal(), dateTime);

            List<String> jointActions = campaign.jointActions().stream().map(IntentionTemplate::jointActionOption)
                    .toList();
            List<String> themes = campaign.themes().stream().map(IntentionTemplate::themeOption).toList();
            List<String> formats = List.copyOf(Labels.FORMATS.values());
            List<String> divisionNames = divisions.stream().map(OrganizationView::name).toList();
            List<String> bodyNames = new ArrayList<>();
            bodies.forEach(b -> bodyNames.add(b.name()));
            List<String> audiences = List.copyOf(Labels.AUDIENCES.values());
            List<String> yesNo = List.of("是", "否");

            DataValidationHelper dv = sheet.getDataValidationHelper();
            list(book, lists, dv, sheet, 0, "联合行动", jointActions, IntentionColumn.JOINT_ACTION, true);
            list(book, lists, dv, sheet, 1, "活动主题", themes, IntentionColumn.THEMES, false);
            list(book, lists, dv, sheet, 2, "活动形式", formats, IntentionColumn.FORMAT, true);
            list(book, lists, dv, sheet, 3, "所在市区", divisionNames, IntentionColumn.DIVISION, true);
            list(book, lists, dv, sheet, 4, "归口单位", bodyNames, IntentionColumn.COORDINATOR, false);
            list(book, lists, dv, sheet, 5, "面向对象", audiences, IntentionColumn.AUDIENCES, false);
            list(book, lists, dv, sheet, 6, "是否", yesNo, IntentionColumn.KEY_ACTIVITY, true);

            DataValidationConstraint count = dv.createIntegerConstraint(DataValidationConstraint.OperatorType.BETWEEN,
                    "1", "10000000");
            DataValidation countRule = dv.createValidation(count, column(IntentionColumn.EXPECTED));
            countRule.setShowErrorBox(true);
            countRule.createErrorBox("预计参与人数", "请填写 1 以上的整数。");
            sheet.addValidationData(countRule);

            book.setSheetHidden(book.getSheetIndex(lists), true);
            book.setActiveSheet(0);
            book.write(out);
        }
    }

    private static void list(XSSFWorkbook book, Sheet lists, DataValidationHelper dv, Sheet sheet, int col,
            String name, List<String> values, IntentionColumn target, boolean strict) {
        for (int i = 0; i < values.size(); i++) {
            Row r = lists.getRow(i) == null ? lists.createRow(i) : lists.getRow(i);
            r.createCell(col).setCellValue(values.get(i));
        }
        if (values.isEmpty()) {
            return;
        }
        String letter = String.valueOf((char) ('A' + col));
        Name range = book.createName();
        range.setNameName("选项_" + name);
        range.setRefersToFormula("'" + LIST_SHEET + "'!$" + letter + "$1:$" + letter + "$" + values.size());
        DataValidation rule = dv.createValidation(dv.createFormulaListConstraint("选项_" + name), column(target));
        rule.setSuppressDropDownArrow(true);
        rule.setShowErrorBox(strict);
        if (strict) {
            rule.createErrorBox(target.header(), "请从下拉列表中选择。");
        }
        rule.createPromptBox(target.header(), strict ? "请从下拉列表中选择。" : "可从下拉列表中选择，多项请用“、”分隔。");
        rule.setShowPromptBox(true);
        sheet.addValidationData(rule);
    }

    private static CellRangeAddressList column(IntentionColumn c) {
        return new CellRangeAddressList(HEADER_ROW + 1, HEADER_ROW + ROWS, c.ordinal(), c.ordinal());
    }

    private static int width(IntentionColumn c) {
        return switch (c) {
            case SEQ -> 6;
            case NAME, ORGANIZER, SUMMARY, JOINT_ACTION, THEMES, VENUE -> 26;
            case STARTS_AT, ENDS_AT, ONLINE_URL -> 18;
            default -> 12;
        };
    }

    private static void writeInstructions(Sheet s) {
        String[] lines = {
                "填表说明",
                "1. 每行填写一个活动，不要改动表头；空行会被忽略。",
                "2. 开始时间、结束时间可以写成 2021-09-18 09:30、2021/9/18 或 2021年9月18日 9:30；只写日期表示全天。",
                "3. 所属联合行动可填编号（如 2）或名称；不属于联合行动的留空。",
                "4. 活动主题、面向对象可以多选，用“、”“，”“,”或“;”分隔，如：青少年、公众。",
                "5. 活动形式为线下、线上或线上+线下；线下活动须填写所在市（区）和活动地点；线上活动请填写活动网址。",
                "6. 所在市（区）、归口单位可填简称或全称，如 江海区 或 江海区科协。",
                "7. 市（区）或市直部门代所属单位导入时，举办单位须填写该单位在平台注册的名称。",
                "8. 活动简介不超过 200 字。导入时只要有一行有误，整份表格都不会导入，请按提示改正后重新上传。",
                "示例：2021年江海区青少年科学实验营 | 江门市第一中学 | 江海区 | 2 | 2、6 | 线下 | 2021-09-18 09:30 | "
                        + "2021-09-18 11:30 | 江海区 | 江海区科技馆 | 青少年 | 200 | 否 |  | 面向中学生的科学实验活动。 | 梁老师 | "
                        + "0750-3862101"};
        for (int i = 0; i < lines.length; i++) {
            s.createRow(i).createCell(0).setCellValue(lines[i]);
        }
        s.setColumnWidth(0, 120 * 256);
    }
}
