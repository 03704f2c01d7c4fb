package cn.sciday.online;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The sensitive-word list: the default words in {@code online/sensitive-words.txt} plus those configured in
 * {@code sciday.online.sensitive-words} (comma-separated). Matching ignores spaces, punctuation and symbols put between
 * characters, full-width forms and letter case, so "代 开-发票" matches 代开发票.
 */
@Component
class TopicSensitiveWords {

    static final String DEFAULT_LIST = "online/sensitive-words.txt";

    /** normalized form → word as listed. */
    private final Map<String, String> words = new LinkedHashMap<>();

    TopicSensitiveWords(@Value("${sciday.online.sensitive-words:}") String configured) {
        for (String w : defaults()) {
            add(w);
        }
        for (String w : configured.split("[,，、;；\\n]")) {
            add(w);
        }
    }

    private void add(String word) {
        String w = word == null ? "" : word.strip();
        String key = normalize(w);
        if (!key.isEmpty()) {
            words.putIfAbsent(key, w);
        }
    }

    /** The listed words found in the text, in list order. */
    List<String> find(String text) {
        String t = normalize(text);
        List<String> found = new ArrayList<>();
        if (t.isEmpty()) {
            return found;
        }
        words.forEach((key, word) -> {
            if (t.contains(key)) {
                found.add(word);
            }
        });
        return found;
    }

    int size() {
        return words.size();
    }

    /** NFKC, lower case, without white space, punctuation, symbols and invisible characters. */
    static String normalize(String text) {
        if (text == null) {
            return "";
        }
        String n = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder b = new StringBuilder(n.length());
        n.codePoints().filter(TopicSensitiveWords::counts).forEach(b::appendCodePoint);
        return b.toString();
    }

    private static boolean counts(int cp) {
        return switch (Character.getType(cp)) {
            case Character.SPACE_SEPARATOR, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                    Character.CONTROL, Character.FORMAT, Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION,
                    Character.START_PUNCTUATION, Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION,
                    Character.FINAL_QUOTE_PUNCTUATION, Character.OTHER_PUNCTUATION, Character.MATH_SYMBOL,
                    Character.CURRENCY_SYMBOL, Character.MODIFIER_SYMBOL, Character.OTHER_SYMBOL -> false;
            default -> true;
        };
    }

    private static List<String> defaults() {
        List<String> list = new ArrayList<>();
        try (InputStream in = new ClassPathResource(DEFAULT_LIST).getInputStream();
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                String s = line.strip();
                if (!s.isEmpty() && !s.startsWith("#")) {
                    list.add(s);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + DEFAULT_LIST, e);
        }
        return list;
    }
}
