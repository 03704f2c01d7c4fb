package cn.sciday.media;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

import cn.sciday.web.InvalidInputException;
import cn.sciday.web.UserMessage;

/**
 * Decides what a file is from its bytes: magic numbers, the {@code ftyp} box of MP4, and for XLSX/DOCX the entry
 * list and {@code [Content_Types].xml} of the ZIP, read with bounds so that a zip bomb cannot blow memory (entries
 * are never inflated but the small content-types part, and that at most {@link #CONTENT_TYPES_LIMIT} bytes).
 * Web pages, SVG and scripts are refused whatever they are called.
 */
final class ContentInspector {

    static final String FIELD = "file";
    static final int HEAD_BYTES = 8192;
    static final int MAX_ZIP_ENTRIES = 10_000;
    static final int CONTENT_TYPES_LIMIT = 256 * 1024;
    /** Like Apache POI's default: an entry inflating more than 100 times its stored size is suspicious. */
    static final long MAX_INFLATE_RATIO = 100;
    static final long RATIO_CHECK_FROM = 1024 * 1024;
    static final long MAX_TOTAL_INFLATED = 1024L * 1024 * 1024;

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final byte[] OLE2 = {(byte) 0xd0, (byte) 0xcf, 0x11, (byte) 0xe0, (byte) 0xa1, (byte) 0xb1, 0x1a,
            (byte) 0xe1};
    private static final Set<String> NOT_VIDEO_BRANDS = Set.of("heic", "heix", "hevc", "hevx", "heim", "heis",
            "hevm", "hevs", "mif1", "msf1", "avif", "avis", "M4A ", "M4B ", "M4P ", "qt  ", "crx ");
    /** Markup that a browser would render or run; looked for in any file that is not a known binary kind. */
    private static final List<String> MARKUP = List.of("<!doctype", "<html", "<head", "<body", "<script", "<svg",
            "<?xml", "<iframe", "<object", "<embed", "<meta", "<style", "<link", "<img", "<a ", "<div", "<form",
            "<title", "<table", "<frameset", "<math", "javascript:", "vbscript:", "<?php", "<%", "<xsl");
    /** Markup hidden inside a binary kind (a polyglot), looked for in its first bytes. */
    private static final List<String> POLYGLOT = List.of("<script", "<html", "<!doctype html", "<svg", "<iframe",
            "<body", "<object", "<embed");
    private static final int POLYGLOT_BYTES = 1024;
    private static final Set<String> ACTIVE_EXTENSIONS = Set.of("html", "htm", "xhtml", "xht", "shtml", "mht",
            "mhtml", "svg", "svgz", "xml", "xsl", "xslt", "js", "mjs", "cjs", "jsp", "jspx", "php", "phtml", "asp",
            "aspx", "cgi", "pl", "py", "sh", "bat", "cmd", "ps1", "vbs", "hta", "exe", "dll", "msi", "scr", "jar",
            "swf", "wasm", "appcache", "manifest", "css");

    private ContentInspector() {
    }

    /** The kind of a spooled upload, or a refusal that says what is wrong and what is allowed. */
    static FileKind detect(byte[] h, Path file, Set<FileKind> allowed) {
        Optional<FileKind> kind = magic(h, file);
        if (kind.isEmpty()) {
            if (looksLikeMarkup(h)) {
                throw refuse("media.error.markup", allowedSentence(allowed));
            }
            if (startsWith(h, 0, OLE2)) {
                throw refuse("media.error.oldOffice");
            }
            throw refuse("media.error.unknownType", allowedSentence(allowed));
        }
        if (containsAny(h, Math.min(h.length, POLYGLOT_BYTES), POLYGLOT)) {
            throw refuse("media.error.polyglot");
        }
        return kind.get();
    }

    /** Refuses a name whose extension contradicts the content; JPEG and PNG may stand for each other. */
    static void checkExtension(String sanitizedName, FileKind kind) {
        String ext = FileNames.extension(sanitizedName);
        if (ext == null) {
            return;
        }
        if (ACTIVE_EXTENSIONS.contains(ext)) {
            throw refuse("media.error.activeExtension", ext);
        }
        Optional<FileKind> named = FileKind.byExtension(ext);
        if (named.isPresent() && named.get() != kind && !(named.get().isImage() && kind.isImage())) {
            throw refuse("media.error.extensionMismatch", ext, label(kind));
        }
    }

    /** "Allowed: JPEG image, PNG image." in the reader's language. */
    static UserMessage allowedSentence(Set<FileKind> allowed) {
        return UserMessage.of("media.error.allowed", UserMessage.list(Arrays.stream(FileKind.values())
                .filter(allowed::contains).map(ContentInspector::label).toList()));
    }

    /** A kind's name ("JPEG 图片", "JPEG image") in the reader's language. */
    static UserMessage label(FileKind kind) {
        return UserMessage.of("media.kind." + kind.name());
    }

    static InvalidInputException refuse(String code, Object... arguments) {
        return new InvalidInputException(FIELD, code, arguments);
    }

    private static Optional<FileKind> magic(byte[] h, Path file) {
        if (startsWith(h, 0, "%PDF-".getBytes(StandardCharsets.US_ASCII))) {
            return Optional.of(FileKind.PDF);
        }
        if (h.length >= 3 && (h[0] & 0xff) == 0xff && (h[1] & 0xff) == 0xd8 && (h[2] & 0xff) == 0xff) {
            return Optional.of(FileKind.JPEG);
        }
        if (startsWith(h, 0, PNG)) {
            return Optional.of(FileKind.PNG);
        }
        if (h.length >= 12 && startsWith(h, 4, "ftyp".getBytes(StandardCharsets.US_ASCII))) {
            long boxSize = ((h[0] & 0xffL) << 24) | ((h[1] & 0xff) << 16) | ((h[2] & 0xff) << 8) | (h[3] & 0xff);
            String brand = new String(h, 8, 4, StandardCharsets.ISO_8859_1);
            if ((boxSize >= 12 || boxSize == 1) && !NOT_VIDEO_BRANDS.contains(brand)) {
                return Optional.of(FileKind.MP4);
            }
            return Optional.empty();
        }
        if (h.length >= 4 && h[0] == 'P' && h[1] == 'K' && h[2] == 3 && h[3] == 4) {
            return office(file);
        }
        return Optional.empty();
    }

    /** XLSX or DOCX from the ZIP's central directory; the entries themselves are not inflated. */
    static Optional<FileKind> office(Path file) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            boolean contentTypes = false;
            boolean xl = false;
            boolean word = false;
            int count = 0;
            long inflated = 0;
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                if (++count > MAX_ZIP_ENTRIES) {
                    throw refuse("media.error.tooManyEntries", MAX_ZIP_ENTRIES);
                }
                long size = e.getSize();
                long stored = e.getCompressedSize();
                if (size > RATIO_CHECK_FROM && stored > 0 && size / stored > MAX_INFLATE_RATIO) {
                    throw bomb();
                }
                inflated += Math.max(0, size);
                if (inflated > MAX_TOTAL_INFLATED) {
                    throw bomb();
                }
                String name = e.getName();
                contentTypes |= "[Content_Types].xml".equals(name);
                xl |= name.startsWith("xl/");
                word |= name.startsWith("word/");
            }
            if (!contentTypes || xl == word) {
                return Optional.empty();
            }
            String types = readBounded(zip, zip.getEntry("[Content_Types].xml"));
            if (xl && types.contains("spreadsheetml.sheet.main+xml")) {
                return Optional.of(FileKind.XLSX);
            }
            if (word && types.contains("wordprocessingml.document.main+xml")) {
                return Optional.of(FileKind.DOCX);
            }
            return Optional.empty();
        } catch (ZipException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String readBounded(ZipFile zip, ZipEntry entry) throws IOException {
        try (InputStream in = zip.getInputStream(entry)) {
            byte[] bytes = in.readNBytes(CONTENT_TYPES_LIMIT + 1);
            if (bytes.length > CONTENT_TYPES_LIMIT) {
                throw bomb();
            }
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private static InvalidInputException bomb() {
        return refuse("media.error.zipBomb");
    }

    static boolean looksLikeMarkup(byte[] head) {
        String text = asciiLower(head, head.length).strip();
        if (text.startsWith("#!")) {
            return true;
        }
        for (String m : MARKUP) {
            if (text.contains(m)) {
                return true;
            }
        }
        return false;
    }

    private static boolean containsAny(byte[] head, int length, List<String> needles) {
        String text = asciiLower(head, length);
        return needles.stream().anyMatch(text::contains);
    }

    /** Bytes as Latin-1, lower case, NUL bytes (UTF-16 text) and UTF-8 BOM bytes dropped. */
    private static String asciiLower(byte[] head, int length) {
        StringBuilder b = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            int c = head[i] & 0xff;
            if (c != 0 && c != 0xef && c != 0xbb && c != 0xbf && c != 0xfe && c != 0xff) {
                b.append((char) c);
            }
        }
        return b.toString().toLowerCase(Locale.ROOT);
    }

    private static boolean startsWith(byte[] h, int offset, byte[] prefix) {
        if (h.length < offset + prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (h[offset + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
