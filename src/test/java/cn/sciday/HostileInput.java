package cn.sciday;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The hostile inputs of issue 9 and the checks every sweep makes with them: each payload is either stored exactly
 * as given or refused with a 4xx (or the form shown again) whose text says why, never a server error and never half
 * written; wherever a stored payload is shown again it is escaped, and in a spreadsheet it is a text cell.
 */
final class HostileInput {

    /** The inputs, by what they try. Each fits a 30-character name field except LONG (and CONTROL is refused). */
    enum Payload {
        SCRIPT("<script>alert(1)</script>科普"),
        ATTRIBUTE("\"><img src=x onerror=alert(1)>"),
        SQL("科普'; DROP TABLE activity; --"),
        FORMULA("=cmd|'/C calc'!A0科普"),
        LONG("科".repeat(10_000)),
        EMOJI("机器人🤖实验🧪👵"),
        ZERO_WIDTH("科\u200b普\u200d日\ufeff"),
        RIGHT_TO_LEFT("科普\u202egnp.exe"),
        FULL_WIDTH("ＡＢＣ科普１２３"),
        CONTROL("科\u0000普\u0007日\u001b[31m");

        final String text;

        Payload(String text) {
            this.text = text;
        }

        /** The payload with an ordinary tail, for fields that want more than a few words. */
        String and(String tail) {
            return text + tail;
        }
    }

    /** Odd but harmless text that every free-text field long enough for it must store as given. */
    static final Set<Payload> ORDINARY = EnumSet.of(Payload.SCRIPT, Payload.ATTRIBUTE, Payload.SQL, Payload.FORMULA,
            Payload.EMOJI, Payload.ZERO_WIDTH, Payload.RIGHT_TO_LEFT, Payload.FULL_WIDTH);

    /** Words a refusal uses to say why (too long, invisible control characters). */
    private static final Pattern REASON = Pattern.compile("控制字符|不能超过|超过|最多");

    private HostileInput() {
    }

    /** One submission of a payload through a form or an API call. */
    @FunctionalInterface
    interface Submit {
        MvcResult submit(Payload p) throws Exception;
    }

    /**
     * Submits every payload. A stored one answers 2xx (API) or redirects without an error flash (page); a refused one
     * answers 400, or shows the form again (200), or redirects with an error flash, and says why; a refused page is
     * escaped too (forms echo what was typed). {@code rows} (or null) counts the records the form creates: one more
     * for each stored payload, none for a refused one. Returns the stored payloads.
     */
    static Set<Payload> sweep(String form, LongSupplier rows, Submit submit) throws Exception {
        long started = System.nanoTime();
        Set<Payload> stored = EnumSet.noneOf(Payload.class);
        for (Payload p : Payload.values()) {
            long before = rows == null ? 0 : rows.getAsLong();
            MvcResult result = submit.submit(p);
            MockHttpServletResponse r = result.getResponse();
            String what = form + " / " + p;
            assertThat(r.getStatus()).as(what + ": answer").isIn(200, 201, 302, 303, 400);
            String refusal = refusal(result);
            if (refusal == null) {
                stored.add(p);
            } else {
                assertThat(refusal).as(what + ": the refusal says why").containsPattern(REASON);
                assertEscaped(what, p, r.getContentAsString());
            }
            if (rows != null) {
                assertThat(rows.getAsLong() - before).as(what + ": records written").isEqualTo(refusal == null ? 1 : 0);
            }
        }
        assertThat(stored).as(form + ": control characters are refused").doesNotContain(Payload.CONTROL);
        System.out.println("hostile input: " + form + " (" + (System.nanoTime() - started) / 1_000_000 + " ms) stored " + stored + ", refused "
                + EnumSet.complementOf(EnumSet.copyOf(add(stored, Payload.CONTROL))) + " and CONTROL");
        return stored;
    }

    private static Set<Payload> add(Set<Payload> set, Payload p) {
        Set<Payload> copy = EnumSet.noneOf(Payload.class);
        copy.addAll(set);
        copy.add(p);
        return copy;
    }

    /** The submission was stored (not refused). */
    static boolean isStored(MvcResult result) {
        return refusal(result) == null;
    }

    /** Why a submission was refused, or null when it was stored. */
    private static String refusal(MvcResult result) {
        MockHttpServletResponse r = result.getResponse();
        String body = new String(r.getContentAsByteArray(), StandardCharsets.UTF_8);
        if (r.getStatus() >= 400) {
            return body.isEmpty() ? "status " + r.getStatus() : body;
        }
        if (r.getStatus() == 200 && r.getContentType() != null && r.getContentType().startsWith("text/html")) {
            return body; // the form shown again with its problems
        }
        if (r.getStatus() / 100 == 3) {
            for (Map.Entry<String, Object> f : result.getFlashMap().entrySet()) {
                if (f.getKey().toLowerCase().endsWith("error") || f.getKey().equals("errorMessage")) {
                    return String.valueOf(f.getValue());
                }
            }
        }
        return null;
    }

    /** Markup from the input never reaches a page as markup, nor do its control characters. */
    static void assertEscaped(String what, Payload p, String page) {
        switch (p) {
            case SCRIPT -> assertThat(page).as(what).doesNotContain("<script>alert");
            case ATTRIBUTE -> assertThat(page).as(what).doesNotContain("<img src=x").doesNotContain("\"><img");
            default -> {
            }
        }
        assertThat(page).as(what + ": no raw control characters").doesNotContain("\u0000").doesNotContain("\u0007")
                .doesNotContain("\u001b");
    }

    /** The page shows the text, escaped (as Thymeleaf escapes: the five markup characters). */
    static void assertShown(String what, String text, String page) {
        assertThat(page).as(what + ": shown escaped").contains(html(text));
        for (Payload p : Payload.values()) {
            assertEscaped(what, p, page);
        }
    }

    /** Every stored payload is shown, escaped; {@code shown} gives the text as the page shows it for a payload. */
    static void assertAllShown(String what, Collection<Payload> stored, String page,
            java.util.function.Function<Payload, String> shown) {
        for (Payload p : stored) {
            assertShown(what + " / " + p, shown.apply(p), page);
        }
    }

    static String html(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }

    /** An answer of the API is JSON (never HTML that a browser would render). */
    static void assertJson(String what, MockHttpServletResponse r) {
        assertThat(r.getContentType()).as(what + ": content type").startsWith("application/");
        assertThat(r.getContentType()).as(what + ": content type").doesNotContain("html");
    }

    /**
     * The workbook has no formula cell, and each expected text is in a text cell as given (a text starting like a
     * formula may carry the apostrophe that spreadsheets read as "this is text").
     */
    static void assertTextCells(String what, byte[] xlsx, Collection<String> expected) throws IOException {
        List<String> texts = new ArrayList<>();
        forEachCell(xlsx, (sheet, cell) -> {
            assertThat(cell.getCellType()).as(what + ": cell " + cell.getAddress() + " of " + sheet)
                    .isNotEqualTo(CellType.FORMULA);
            if (cell.getCellType() == CellType.STRING) {
                texts.add(cell.getStringCellValue());
            }
        });
        for (String text : expected) {
            boolean found = texts.stream().anyMatch(t -> t.equals(text) || t.equals("'" + text)
                    || (t.contains(text) && !text.startsWith("=")));
            if (!found) {
                fail(what + ": no text cell holds " + abbreviate(text));
            }
        }
    }

    /** The texts of the workbook's text cells, sheet by sheet, row by row. */
    static List<String> cellTexts(byte[] xlsx) throws IOException {
        List<String> texts = new ArrayList<>();
        forEachCell(xlsx, (sheet, cell) -> {
            if (cell.getCellType() == CellType.STRING) {
                texts.add(cell.getStringCellValue());
            }
        });
        return texts;
    }

    private static void forEachCell(byte[] xlsx, java.util.function.BiConsumer<String, Cell> action)
            throws IOException {
        try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(xlsx))) {
            for (Sheet sheet : wb) {
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        action.accept(sheet.getSheetName(), cell);
                    }
                }
            }
        }
    }

    /** A CSV export: each expected text is there, and one that starts like a formula is escaped. */
    static void assertCsv(String what, byte[] csv, Collection<String> expected) {
        String text = new String(csv, StandardCharsets.UTF_8);
        for (String e : expected) {
            if (e.startsWith("=")) {
                assertThat(text).as(what).doesNotContain("," + e).doesNotContain("\n" + e).doesNotContain(",\"" + e)
                        .doesNotContain("\n\"" + e);
            }
        }
    }

    static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…(" + s.length() + ")" : s;
    }
}
