package cn.sciday.online;

import java.io.IOException;
import java.io.OutputStream;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.LongFunction;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import cn.sciday.campaign.Campaign;

/**
 * The winners of a round as a spreadsheet: rank, masked mobile number, division, score, time, finish. Any text
 * that a spreadsheet would read as a formula (= + - @ at the start) is escaped.
 */
final class QuizWinnersExport {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private QuizWinnersExport() {
    }

    static void write(OutputStream out, QuizRound round, List<QuizLeaderboard.Entry> entries,
            LongFunction<String> maskedMobile) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Sheet sheet = wb.createSheet("获奖名单");
            text(sheet.createRow(0), 0, round.title() + " 排行榜前 " + entries.size() + " 名");
            Row head = sheet.createRow(1);
            String[] headers = {"名次", "手机号（已脱敏）", "所属市（区）", "最高得分", "用时（秒）", "完成时间"};
            for (int i = 0; i < headers.length; i++) {
                text(head, i, headers[i]);
                sheet.setColumnWidth(i, (i == 5 ? 22 : 16) * 256);
            }
            int r = 2;
            for (QuizLeaderboard.Entry e : entries) {
                Row row = sheet.createRow(r++);
                row.createCell(0).setCellValue(e.rank());
                text(row, 1, maskedMobile.apply(e.accountId()));
                text(row, 2, e.divisionName());
                row.createCell(3).setCellValue(e.score());
                text(row, 4, e.seconds());
                text(row, 5, TIME.format(e.finishedAt().atZone(Campaign.ZONE)));
            }
            wb.write(out);
        }
    }

    private static void text(Row row, int column, String value) {
        row.createCell(column).setCellValue(escape(value));
    }

    /** Prefixes text that starts like a formula with an apostrophe so that a spreadsheet shows it as text. */
    static String escape(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        char c = value.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ? "'" + value : value;
    }
}
