package cn.sciday.signup;

import java.io.IOException;
import java.io.OutputStream;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/** The registration list of an activity as xlsx: phones masked, formula-like cells escaped. */
final class RegistrationExport {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.of("Asia/Shanghai"));

    private RegistrationExport() {
    }

    static void write(String activityName, List<Ticket> tickets, OutputStream out) throws IOException {
        try (SXSSFWorkbook book = new SXSSFWorkbook(200)) {
            Sheet sheet = book.createSheet("报名名单");
            sheet.createRow(0).createCell(0).setCellValue(safe(activityName + " 报名名单"));
            String[] header = {"序号", "姓名", "手机号码", "状态", "候补顺序", "报名时间", "票码", "签到时间", "实名"};
            Row h = sheet.createRow(1);
            for (int i = 0; i < header.length; i++) {
                h.createCell(i).setCellValue(header[i]);
            }
            int r = 2;
            for (Ticket t : tickets) {
                Row row = sheet.createRow(r);
                row.createCell(0).setCellValue(r - 1);
                row.createCell(1).setCellValue(safe(t.personName()));
                row.createCell(2).setCellValue(t.maskedMobile());
                row.createCell(3).setCellValue(switch (t.status()) {
                    case CONFIRMED -> "已报名";
                    case WAITLISTED -> "候补";
                    case CANCELLED -> "已取消";
                });
                row.createCell(4).setCellValue(t.waitlistPosition() == 0 ? "" : String.valueOf(t.waitlistPosition()));
                row.createCell(5).setCellValue(TIME.format(t.createdAt()));
                row.createCell(6).setCellValue(t.code());
                row.createCell(7).setCellValue(t.checkedInAt() == null ? "" : TIME.format(t.checkedInAt()));
                row.createCell(8).setCellValue(t.idNumberGiven() ? "是" : "否");
                r++;
            }
            book.write(out);
            book.dispose();
        }
    }

    private static String safe(String value) {
        return cn.sciday.web.SpreadsheetText.safe(value);
    }
}
