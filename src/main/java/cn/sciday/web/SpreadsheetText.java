package cn.sciday.web;

/** Text for spreadsheet cells that is safe to open: a leading = + - @ (or tab, CR) is escaped with an apostrophe. */
public final class SpreadsheetText {

    private SpreadsheetText() {
    }

    public static String safe(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        char c = value.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ? "'" + value : value;
    }
}
