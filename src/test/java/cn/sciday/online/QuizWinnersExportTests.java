package cn.sciday.online;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.List;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** The winners' spreadsheet shows text that looks like a formula as text. */
class QuizWinnersExportTests {

    @Test
    void formulaLikeTextIsEscaped() throws Exception {
        assertThat(QuizWinnersExport.escape("=1+1")).isEqualTo("'=1+1");
        assertThat(QuizWinnersExport.escape("+86")).isEqualTo("'+86");
        assertThat(QuizWinnersExport.escape("-2")).isEqualTo("'-2");
        assertThat(QuizWinnersExport.escape("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(QuizWinnersExport.escape("138****0000")).isEqualTo("138****0000");
        QuizRound round = new QuizRound(1, 1, "=HYPERLINK(\"http://x\")", Instant.EPOCH, Instant.EPOCH.plusSeconds(60),
                7, 7, 6, 5, 30, 600, 1, false, 50, 0);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        QuizWinnersExport.write(out, round, List.of(new QuizLeaderboard.Entry(1, 42, "x", 3, "@江海区", 100, 61_500,
                Instant.parse("2021-09-15T01:05:00Z"))), id -> "=cmd|' /C calc'!A0");
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            var sheet = wb.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).startsWith("'=HYPERLINK");
            assertThat(sheet.getRow(2).getCell(1).getStringCellValue()).isEqualTo("'=cmd|' /C calc'!A0");
            assertThat(sheet.getRow(2).getCell(2).getStringCellValue()).isEqualTo("'@江海区");
            assertThat(sheet.getRow(2).getCell(4).getStringCellValue()).isEqualTo("61.5");
            assertThat(sheet.getRow(2).getCell(5).getStringCellValue()).isEqualTo("2021-09-15 09:05:00");
            assertThat(sheet.getRow(2).getCell(1).getCellType()).isEqualTo(org.apache.poi.ss.usermodel.CellType.STRING);
        }
    }
}
