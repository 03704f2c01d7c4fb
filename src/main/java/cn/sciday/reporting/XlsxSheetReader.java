package cn.sciday.reporting;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.TreeMap;

import javax.xml.parsers.ParserConfigurationException;

import org.apache.poi.util.XMLHelper;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JRuntimeException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

import cn.sciday.web.UserMessage;

/**
 * Reads the cells of an .xlsx file with a SAX parser (the streaming way: the sheet is never held as a whole), for
 * files people really make. The zip is opened with Apache POI's zip-bomb guards: an entry that inflates more than
 * {@link #MIN_INFLATE_RATIO} allows or past {@link #MAX_ENTRY_BYTES} is refused. A {@link RowSink} sees each
 * non-empty row in order and may stop the reading early; merged regions are reported at the end.
 */
final class XlsxSheetReader {

    /** Like POI's default: an entry whose compressed size is under 1% of its inflated size is a zip bomb. */
    static final double MIN_INFLATE_RATIO = 0.01;
    /** No part of a 10 MB form needs more than this when inflated. */
    static final long MAX_ENTRY_BYTES = 100L * 1024 * 1024;

    static {
        ZipSecureFile.setMinInflateRatio(MIN_INFLATE_RATIO);
        ZipSecureFile.setMaxEntrySize(MAX_ENTRY_BYTES);
    }

    /** One cell: its text, or a number and whether its format is a date format. */
    record Cell(String text, Double number, boolean dateFormatted) {

        boolean isBlank() {
            return number == null && Text.blank(text);
        }

        /** The number as Excel shows it without a format: 200 rather than 200.0, 13800138000 rather than 1.38E10. */
        String asText() {
            if (number == null) {
                return text == null ? "" : text;
            }
            double d = number;
            if (d == Math.rint(d) && Math.abs(d) < 1e15) {
                return String.valueOf((long) d);
            }
            return java.math.BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
        }
    }

    /** A non-empty row: its 1-based Excel row number and its cells by 0-based column. */
    record Row(int number, TreeMap<Integer, Cell> cells) {

        Cell cell(int column) {
            return cells.get(column);
        }
    }

    /** Receives rows; returns false to stop reading the sheet. */
    interface RowSink {
        boolean row(Row row);

        default void merged(List<CellRangeAddress> regions) {
        }
    }

    /** The file could not be read as a workbook: the message says why, in Chinese. */
    /** The file cannot be read as a workbook; the reason is a key of the reporting bundle. */
    static final class UnreadableException extends Exception {
        private final transient UserMessage reason;

        UnreadableException(String code, Throwable cause) {
            super(code, cause);
            this.reason = UserMessage.of(code);
        }

        UserMessage reason() {
            return reason;
        }

        @Override
        public String getMessage() {
            return reason.text();
        }
    }

    private XlsxSheetReader() {
    }

    /**
     * Reads the sheets in workbook order, each into the sink the visitor hands out for it, until the visitor is done
     * (it found what it looked for) or has no sink to give.
     */
    static void read(Path file, SheetVisitor visitor) throws UnreadableException {
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            var main = pkg.getPartsByRelationshipType(
                    org.apache.poi.openxml4j.opc.PackageRelationshipTypes.CORE_DOCUMENT);
            if (main.isEmpty() || !main.get(0).getContentType().contains("spreadsheetml")) {
                throw new UnreadableException("reporting.error.notXlsx", null);
            }
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
            StylesTable styles = reader.getStylesTable();
            Iterator<InputStream> sheets = reader.getSheetsData();
            while (sheets.hasNext()) {
                RowSink sink = visitor.nextSheet();
                if (sink == null) {
                    return;
                }
                try (InputStream in = sheets.next()) {
                    parse(in, strings, styles, sink);
                }
                if (visitor.done()) {
                    return;
                }
            }
        } catch (NotOfficeXmlFileException | InvalidFormatException e) {
            throw new UnreadableException("reporting.error.notXlsx", e);
        } catch (OpenXML4JException | OpenXML4JRuntimeException | IllegalArgumentException | IOException e) {
            throw new UnreadableException(explain(e, UNREADABLE), e);
        } catch (SAXException | ParserConfigurationException | RuntimeException e) {
            throw new UnreadableException(explain(e, "reporting.error.damaged"), e);
        }
    }

    /** Hands out a sink per sheet and says when the reading may end. */
    interface SheetVisitor {
        RowSink nextSheet();

        boolean done();
    }

    private static final String UNREADABLE = "reporting.error.unreadable";

    private static String explain(Exception e, String otherwise) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(' ').append(t.getMessage());
            if (t instanceof SAXException sax && sax.getException() != null) {
                all.append(' ').append(sax.getException().getMessage());
            }
        }
        String m = all.toString();
        if (m.contains("Zip bomb") || m.contains("zip bomb") || m.contains("MaxEntrySize")
                || m.contains("exceeds the max") || m.contains("inflate")) {
            return "reporting.error.zipBomb";
        }
        if (m.contains("encrypt") || m.contains("password")) {
            return "reporting.error.password";
        }
        return otherwise;
    }

    private static void parse(InputStream sheet, ReadOnlySharedStringsTable strings, StylesTable styles,
            RowSink sink) throws IOException, SAXException, ParserConfigurationException {
        XMLReader xml = XMLHelper.newXMLReader();
        Handler handler = new Handler(strings, styles, sink);
        xml.setContentHandler(handler);
        try {
            xml.parse(new InputSource(sheet));
        } catch (Stop stop) {
            return;
        }
        sink.merged(handler.merged);
    }

    /** Thrown inside the parser to stop reading. */
    private static final class Stop extends SAXException {
        Stop() {
            super("stop");
        }
    }

    private static final class Handler extends DefaultHandler {

        private final ReadOnlySharedStringsTable strings;
        private final StylesTable styles;
        private final RowSink sink;
        final List<CellRangeAddress> merged = new ArrayList<>();

        private TreeMap<Integer, Cell> cells;
        private int rowNumber;
        private int nextColumn;
        private int column;
        private String type;
        private int style;
        private final StringBuilder value = new StringBuilder();
        private final StringBuilder inline = new StringBuilder();
        private boolean inValue;
        private boolean inInlineText;

        Handler(ReadOnlySharedStringsTable strings, StylesTable styles, RowSink sink) {
            this.strings = strings;
            this.styles = styles;
            this.sink = sink;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes a) {
            switch (localName) {
                case "row" -> {
                    String r = a.getValue("r");
                    rowNumber = r == null ? rowNumber + 1 : Integer.parseInt(r);
                    cells = new TreeMap<>();
                    nextColumn = 0;
                }
                case "c" -> {
                    String ref = a.getValue("r");
                    column = ref == null ? nextColumn : new CellReference(ref).getCol();
                    nextColumn = column + 1;
                    type = a.getValue("t");
                    String s = a.getValue("s");
                    style = s == null ? 0 : Integer.parseInt(s);
                    value.setLength(0);
                    inline.setLength(0);
                }
                case "v" -> inValue = true;
                case "t" -> inInlineText = "inlineStr".equals(type);
                case "mergeCell" -> {
                    String ref = a.getValue("ref");
                    if (ref != null && ref.contains(":")) {
                        merged.add(CellRangeAddress.valueOf(ref));
                    }
                }
                default -> {
                }
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (inValue) {
                value.append(ch, start, length);
            } else if (inInlineText) {
                inline.append(ch, start, length);
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) throws SAXException {
            switch (localName) {
                case "v" -> inValue = false;
                case "t" -> inInlineText = false;
                case "c" -> {
                    Cell cell = cell();
                    if (cell != null && !cell.isBlank()) {
                        cells.put(column, cell);
                    }
                }
                case "row" -> {
                    if (!cells.isEmpty() && !sink.row(new Row(rowNumber, cells))) {
                        throw new Stop();
                    }
                }
                default -> {
                }
            }
        }

        private Cell cell() {
            String v = value.toString();
            if ("s".equals(type)) {
                if (v.isBlank()) {
                    return null;
                }
                return new Cell(strings.getItemAt(Integer.parseInt(v.strip())).getString(), null, false);
            }
            if ("inlineStr".equals(type)) {
                return new Cell(inline.toString(), null, false);
            }
            if ("str".equals(type) || "e".equals(type) || "d".equals(type)) {
                return new Cell(v, null, false);
            }
            if ("b".equals(type)) {
                return new Cell("1".equals(v.strip()) ? "是" : "否", null, false);
            }
            if (v.isBlank()) {
                return null;
            }
            try {
                double d = Double.parseDouble(v.strip());
                return new Cell(null, d, isDateFormat(style));
            } catch (NumberFormatException e) {
                return new Cell(v, null, false);
            }
        }

        private boolean isDateFormat(int styleIndex) {
            if (styles == null || styleIndex < 0 || styleIndex >= styles.getNumCellStyles()) {
                return false;
            }
            XSSFCellStyle s = styles.getStyleAt(styleIndex);
            return s != null && DateUtil.isADateFormat(s.getDataFormat(), s.getDataFormatString());
        }
    }
}
