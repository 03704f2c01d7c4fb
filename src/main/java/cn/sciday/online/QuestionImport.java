package cn.sciday.online;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import cn.sciday.web.ControlCharacters;
import cn.sciday.web.InvalidInputException;
import cn.sciday.web.UserMessage;

/**
 * Reads the question spreadsheet (.xlsx, columns 题型, 题干, 选项A–D (E, F optional), 正确答案, 解析, 内容主题 in any
 * order, found by the header in row 1). Refuses other formats, files over 5 MB and zip bombs before reading a
 * cell. Rows are checked later by {@link QuestionBank#importRows}.
 */
final class QuestionImport {

    static final long MAX_BYTES = 5L * 1024 * 1024;
    static final int MAX_ROWS = 2000;
    /** A sheet may inflate to at most this many bytes (POI refuses larger entries). */
    static final long MAX_ENTRY_BYTES = 100L * 1024 * 1024;

    /** Field name → header text; the optional headers may be missing. */
    static final Map<String, String> HEADERS = new LinkedHashMap<>();
    static final List<String> OPTIONAL = List.of("optionE", "optionF");

    static {
        HEADERS.put("type", "题型");
        HEADERS.put("stem", "题干");
        HEADERS.put("optionA", "选项A");
        HEADERS.put("optionB", "选项B");
        HEADERS.put("optionC", "选项C");
        HEADERS.put("optionD", "选项D");
        HEADERS.put("optionE", "选项E");
        HEADERS.put("optionF", "选项F");
        HEADERS.put("answer", "正确答案");
        HEADERS.put("explanation", "解析");
        HEADERS.put("theme", "内容主题");
        // Zip-bomb limits (global in POI): a sheet must not inflate more than 100 times (the default ratio 0.01)
        // nor beyond MAX_ENTRY_BYTES. Never loosen a stricter setting made elsewhere.
        if (ZipSecureFile.getMaxEntrySize() > MAX_ENTRY_BYTES) {
            ZipSecureFile.setMaxEntrySize(MAX_ENTRY_BYTES);
        }
        if (ZipSecureFile.getMinInflateRatio() < 0.01) {
            ZipSecureFile.setMinInflateRatio(0.01);
        }
    }

    /** One spreadsheet row: its number as Excel shows it, the draft, and the column letter of each field. */
    record Row(int number, QuestionDraft draft, Map<String, String> columns) {

        InvalidInputException.Problem problem(String field, UserMessage message) {
            String column = columns.get(field);
            return new InvalidInputException.Problem(column == null ? rowLabel(number)
                    : cellLabel(number, column, HEADERS.getOrDefault(field, field)), message);
        }
    }

    /** "第3行" / "Row 3", in the reader's language (the problem's field, shown before its message). */
    static String rowLabel(int row) {
        return UserMessage.of("online.import.row", row).text();
    }

    /** "第3行 B列（题干）" / "Row 3, column B (题干)": the header is the sheet's own. */
    static String cellLabel(int row, String column, String header) {
        return UserMessage.of("online.import.cell", row, column, header).text();
    }

    private QuestionImport() {
    }

    static List<Row> read(String filename, byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw new InvalidInputException("file", "online.error.importFileRequired");
        }
        if (bytes.length > MAX_BYTES) {
            throw new InvalidInputException("file", "online.error.importTooLarge",
                    String.format(Locale.ROOT, "%.1f", bytes.length / 1024.0 / 1024.0));
        }
        String name = filename == null ? "" : filename.toLowerCase(Locale.ROOT);
        boolean zip = bytes.length > 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4;
        if (!name.endsWith(".xlsx") || !zip) {
            throw new InvalidInputException("file", "online.error.importNotXlsx");
        }
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            if (workbook.getNumberOfSheets() == 0) {
                throw new InvalidInputException("file", "online.error.importNoSheet");
            }
            return rows(workbook.getSheetAt(0));
        } catch (InvalidInputException e) {
            throw e;
        } catch (Exception e) {
            if (isZipBomb(e)) {
                throw new InvalidInputException("file", "online.error.importZipBomb");
            }
            throw new InvalidInputException("file", "online.error.importUnreadable");
        }
    }

    private static boolean isZipBomb(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = String.valueOf(t.getMessage());
            if (m.contains("Zip bomb") || m.contains("ZipSecureFile") || m.contains("max entry size")) {
                return true;
            }
        }
        return false;
    }

    private static List<Row> rows(Sheet sheet) {
        DataFormatter formatter = new DataFormatter(Locale.SIMPLIFIED_CHINESE);
        org.apache.poi.ss.usermodel.Row header = sheet.getRow(0);
        Map<String, Integer> index = new LinkedHashMap<>();
        List<InvalidInputException.Problem> problems = new ArrayList<>();
        if (header != null) {
            for (Cell cell : header) {
                String text = QuestionRules.clean(formatter.formatCellValue(cell)).replace(" ", "");
                HEADERS.forEach((field, title) -> {
                    if (title.equalsIgnoreCase(text) && !index.containsKey(field)) {
                        index.put(field, cell.getColumnIndex());
                    }
                });
            }
        }
        HEADERS.forEach((field, title) -> {
            if (!index.containsKey(field) && !OPTIONAL.contains(field)) {
                problems.add(new InvalidInputException.Problem(rowLabel(1), "online.error.importMissingColumn", title,
                        UserMessage.list(HEADERS.entrySet().stream().filter(h -> !OPTIONAL.contains(h.getKey()))
                                .map(Map.Entry::getValue).toList())));
            }
        });
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Map<String, String> columns = new LinkedHashMap<>();
        index.forEach((field, i) -> columns.put(field, CellReference.convertNumToColString(i)));
        List<Row> rows = new ArrayList<>();
        for (int r = 1; r <= sheet.getLastRowNum(); r++) {
            org.apache.poi.ss.usermodel.Row row = sheet.getRow(r);
            if (row == null) {
                continue;
            }
            Map<String, String> values = new LinkedHashMap<>();
            boolean any = false;
            for (Map.Entry<String, Integer> e : index.entrySet()) {
                Cell cell = row.getCell(e.getValue());
                String where = cellLabel(r + 1, columns.get(e.getKey()), HEADERS.get(e.getKey()));
                if (cell != null && cell.getCellType() == CellType.FORMULA) {
                    problems.add(new InvalidInputException.Problem(where, "online.error.importFormula"));
                    any = true;
                    continue;
                }
                String v = cell == null ? "" : formatter.formatCellValue(cell);
                if (ControlCharacters.contains(v)) {
                    problems.add(new InvalidInputException.Problem(where, ControlCharacters.IN_FILE));
                }
                values.put(e.getKey(), v);
                any |= !v.isBlank();
            }
            if (!any) {
                continue;
            }
            if (rows.size() >= MAX_ROWS) {
                throw new InvalidInputException("file", "online.error.importTooManyRows", MAX_ROWS);
            }
            List<String> options = new ArrayList<>();
            for (String letter : List.of("A", "B", "C", "D", "E", "F")) {
                options.add(values.getOrDefault("option" + letter, ""));
            }
            rows.add(new Row(r + 1, new QuestionDraft(values.get("type"), values.get("stem"), options,
                    values.get("answer"), values.get("explanation"), values.get("theme")), columns));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return rows;
    }
}
