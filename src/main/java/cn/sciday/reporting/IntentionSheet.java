package cn.sciday.reporting;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.apache.poi.ss.util.CellRangeAddress;

/**
 * Finds the intention form in a sheet and collects its data rows: the header row is the first row (among the first
 * {@link #HEADER_SEARCH_ROWS}) naming 活动名称 and most other columns, whatever comes above it (merged titles, the
 * 填报单位 row); rows that are empty or hold only a 序号 are skipped; cells merged down over several rows count for
 * each of them. At most {@link #MAX_DATA_ROWS} rows are kept: one more stops the reading.
 */
final class IntentionSheet implements XlsxSheetReader.RowSink {

    static final int MAX_DATA_ROWS = 5000;
    static final int HEADER_SEARCH_ROWS = 30;

    private final int maxRows;
    private Map<IntentionColumn, Integer> columns;
    private int headerRow;
    private int rowsSeen;
    private boolean tooMany;
    private final List<XlsxSheetReader.Row> rows = new ArrayList<>();

    IntentionSheet(int maxRows) {
        this.maxRows = maxRows;
    }

    @Override
    public boolean row(XlsxSheetReader.Row row) {
        if (columns == null) {
            rowsSeen++;
            header(row).ifPresent(found -> {
                columns = found;
                headerRow = row.number();
            });
            return columns != null || rowsSeen < HEADER_SEARCH_ROWS;
        }
        if (isBlank(row)) {
            return true;
        }
        if (rows.size() >= maxRows) {
            tooMany = true;
            return false;
        }
        rows.add(row);
        return true;
    }

    @Override
    public void merged(List<CellRangeAddress> regions) {
        if (columns == null) {
            return;
        }
        Map<Integer, XlsxSheetReader.Row> byNumber = new TreeMap<>();
        rows.forEach(r -> byNumber.put(r.number(), r));
        for (CellRangeAddress region : regions) {
            int top = region.getFirstRow() + 1;
            if (top <= headerRow || region.getLastRow() == region.getFirstRow()) {
                continue;
            }
            XlsxSheetReader.Row first = byNumber.get(top);
            if (first == null) {
                continue;
            }
            for (int col = region.getFirstColumn(); col <= region.getLastColumn(); col++) {
                XlsxSheetReader.Cell value = first.cell(col);
                if (value == null) {
                    continue;
                }
                for (int r = top + 1; r <= region.getLastRow() + 1; r++) {
                    XlsxSheetReader.Row below = byNumber.get(r);
                    if (below != null) {
                        below.cells().putIfAbsent(col, value);
                    }
                }
            }
        }
    }

    boolean found() {
        return columns != null;
    }

    boolean tooMany() {
        return tooMany;
    }

    int headerRow() {
        return headerRow;
    }

    Map<IntentionColumn, Integer> columns() {
        return columns;
    }

    List<XlsxSheetReader.Row> rows() {
        return rows;
    }

    /** The columns that a file must have and this one lacks. */
    List<IntentionColumn> missingColumns() {
        return IntentionColumn.ALL.stream().filter(c -> c.required() && !columns.containsKey(c)).toList();
    }

    private boolean isBlank(XlsxSheetReader.Row row) {
        Integer seq = columns.get(IntentionColumn.SEQ);
        return row.cells().entrySet().stream()
                .allMatch(e -> e.getValue().isBlank() || (seq != null && e.getKey().equals(seq)));
    }

    private static Optional<Map<IntentionColumn, Integer>> header(XlsxSheetReader.Row row) {
        Map<IntentionColumn, Integer> found = new EnumMap<>(IntentionColumn.class);
        row.cells().forEach((col, cell) -> {
            if (cell.text() != null) {
                IntentionColumn.byHeader(cell.text()).ifPresent(c -> found.putIfAbsent(c, col));
            }
        });
        boolean header = found.containsKey(IntentionColumn.NAME) && found.size() >= 6;
        return header ? Optional.of(found) : Optional.empty();
    }
}
