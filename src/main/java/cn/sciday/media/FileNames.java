package cn.sciday.media;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;

/** Original file names made safe to show and to put into a Content-Disposition header. */
final class FileNames {

    static final int MAX_LENGTH = 200;
    private static final String FALLBACK = "file";

    private FileNames() {
    }

    /**
     * The last path segment of a browser-supplied name, without control or formatting characters (no bidi tricks),
     * without leading dots, at most 200 characters (the extension kept), never empty.
     */
    static String sanitize(String original) {
        if (original == null) {
            return FALLBACK;
        }
        String name = Normalizer.normalize(original, Normalizer.Form.NFC);
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        name = name.substring(slash + 1);
        StringBuilder b = new StringBuilder();
        name.codePoints().forEach(cp -> {
            int type = Character.getType(cp);
            if (type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                    || type == Character.PARAGRAPH_SEPARATOR || type == Character.PRIVATE_USE
                    || type == Character.SURROGATE || type == Character.UNASSIGNED) {
                return;
            }
            if ("<>:\"|?*".indexOf(cp) >= 0) {
                b.append('_');
            } else if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                b.append(' ');
            } else {
                b.appendCodePoint(cp);
            }
        });
        name = b.toString().strip();
        while (name.startsWith(".") || name.startsWith(" ")) {
            name = name.substring(1);
        }
        name = name.strip();
        if (name.isEmpty()) {
            return FALLBACK;
        }
        return limit(name);
    }

    private static String limit(String name) {
        if (name.codePointCount(0, name.length()) <= MAX_LENGTH) {
            return name;
        }
        String ext = extension(name);
        String suffix = ext == null || ext.length() > 10 ? "" : "." + ext;
        String stem = suffix.isEmpty() ? name : name.substring(0, name.length() - suffix.length());
        int keep = MAX_LENGTH - suffix.length();
        return stem.substring(0, stem.offsetByCodePoints(0, keep)).strip() + suffix;
    }

    /** The lower-case extension without the dot, or null when the name has none. */
    static String extension(String name) {
        if (name == null) {
            return null;
        }
        int dot = name.lastIndexOf('.');
        if (dot < 0 || dot == name.length() - 1) {
            return null;
        }
        return name.substring(dot + 1).strip().toLowerCase(Locale.ROOT);
    }

    /** {@code inline; filename="ascii"; filename*=UTF-8''percent-encoded} (RFC 6266 with RFC 5987). */
    static String contentDisposition(boolean inline, String name) {
        StringBuilder ascii = new StringBuilder();
        for (char c : name.toCharArray()) {
            ascii.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' && c != '%' && c != ';' ? c : '_');
        }
        return (inline ? "inline" : "attachment") + "; filename=\"" + ascii + "\"; filename*=UTF-8''"
                + encode(name);
    }

    /** RFC 5987 attr-char percent-encoding of UTF-8 bytes. */
    static String encode(String value) {
        StringBuilder b = new StringBuilder();
        for (byte raw : value.getBytes(StandardCharsets.UTF_8)) {
            int c = raw & 0xff;
            boolean attrChar = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "!#$&+-.^_`|~".indexOf(c) >= 0;
            if (attrChar) {
                b.append((char) c);
            } else {
                b.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return b.toString();
    }
}
