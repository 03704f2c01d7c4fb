package cn.sciday.reporting;

import java.text.Normalizer;

/** Text from spreadsheets as people type it: full-width digits, letters and spaces, non-breaking spaces, stray blanks. */
final class Text {

    private Text() {
    }

    /** NFKC (full-width to half-width: "２０２１年９月" → "2021年9月", "（" → "("), blanks collapsed and trimmed. */
    static String norm(String s) {
        if (s == null) {
            return "";
        }
        String n = Normalizer.normalize(s, Normalizer.Form.NFKC).replace('\u00a0', ' ').replace('\u3000', ' ');
        return n.replaceAll("[\\s\\u200b\\ufeff]+", " ").strip();
    }

    /** For comparing names: normalized and without any blank. */
    static String key(String s) {
        return norm(s).replace(" ", "");
    }

    /** Trimmed, with the kinds of blank that Excel users paste turned into plain spaces; null when empty. */
    static String clean(String s) {
        if (s == null) {
            return null;
        }
        String t = s.replace('\u00a0', ' ').replace('\u3000', ' ').replace("\u200b", "").replace("\ufeff", "")
                .strip();
        return t.isEmpty() ? null : t;
    }

    static boolean blank(String s) {
        return s == null || norm(s).isEmpty();
    }
}
