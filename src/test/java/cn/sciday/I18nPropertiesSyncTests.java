package cn.sciday;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Every Chinese bundle has an English twin with the same keys, no value is empty, no key is defined twice, every
 * bundle is read by the application, and every value is a valid MessageFormat pattern written the way Spring uses it.
 */
class I18nPropertiesSyncTests {

    static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d");

    @Test
    void everyBundleHasTheSameKeysInBothLanguages() throws IOException {
        List<String> bundles = bundles();
        assertThat(bundles).contains("messages");
        for (String base : bundles) {
            Properties zh = load(base + ".properties");
            Properties en = load(base + "_en.properties");
            Set<String> onlyZh = new TreeSet<>(zh.stringPropertyNames());
            onlyZh.removeAll(en.stringPropertyNames());
            Set<String> onlyEn = new TreeSet<>(en.stringPropertyNames());
            onlyEn.removeAll(zh.stringPropertyNames());
            assertThat(onlyZh).as("keys missing from " + base + "_en.properties").isEmpty();
            assertThat(onlyEn).as("keys missing from " + base + ".properties").isEmpty();
            for (String key : zh.stringPropertyNames()) {
                assertThat(zh.getProperty(key).strip()).as(base + " " + key).isNotEmpty();
                assertThat(en.getProperty(key).strip()).as(base + "_en " + key).isNotEmpty();
            }
        }
    }

    @Test
    void noKeyIsDefinedInTwoBundles() throws IOException {
        Map<String, String> owner = new HashMap<>();
        for (String base : bundles()) {
            for (String key : load(base + ".properties").stringPropertyNames()) {
                String before = owner.put(key, base);
                assertThat(before).as("key " + key + " is in both " + before + " and " + base).isNull();
            }
        }
    }

    /** A bundle the application does not list in spring.messages.basename would be silently ignored. */
    @Test
    void everyBundleIsReadByTheApplication() throws IOException {
        String yml = Files.readString(Path.of("src/main/resources/application.yml"), StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("(?m)^\\s+basename:\\s*(\\S+)").matcher(yml);
        assertThat(m.find()).as("spring.messages.basename in application.yml").isTrue();
        assertThat(Set.of(m.group(1).split(","))).containsAll(bundles());
    }

    /**
     * Spring formats a message with MessageFormat when it has arguments and returns it as written when it has none.
     * So a value with placeholders must parse and double its apostrophes ({@code ''}), and a value without
     * placeholders must not double them (they would show twice).
     */
    @Test
    void everyValueIsWrittenForMessageFormat() throws IOException {
        List<String> wrong = new ArrayList<>();
        for (String base : bundles()) {
            for (String file : List.of(base + ".properties", base + "_en.properties")) {
                Properties p = load(file);
                for (String key : new TreeSet<>(p.stringPropertyNames())) {
                    formatProblem(p.getProperty(key)).ifPresent(problem -> wrong.add(file + " " + key + ": " + problem));
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    static Optional<String> formatProblem(String value) {
        if (PLACEHOLDER.matcher(value).find()) {
            try {
                new MessageFormat(value);
            } catch (IllegalArgumentException e) {
                return Optional.of("not a MessageFormat pattern: " + e.getMessage());
            }
            if (value.replace("''", "").contains("'")) {
                return Optional.of("has placeholders, so an apostrophe is written ''");
            }
        } else if (value.contains("''")) {
            return Optional.of("has no placeholders, so an apostrophe is written '");
        }
        return Optional.empty();
    }

    /** The check catches what it is meant to (negative control): MessageFormat would eat the lone apostrophe. */
    @Test
    void theFormatCheckCatchesWhatMessageFormatWouldGetWrong() {
        assertThat(new MessageFormat("Show {0}'s number").format(new Object[] {"Li"})).isEqualTo("Show Lis number");
        assertThat(formatProblem("Show {0}'s number")).isPresent();
        assertThat(formatProblem("Show {0}''s number")).isEmpty();
        assertThat(formatProblem("The unit''s name")).isPresent();
        assertThat(formatProblem("The unit's name")).isEmpty();
        assertThat(formatProblem("第 {0 行")).isPresent();
        assertThat(formatProblem("第 {0} 行")).isEmpty();
    }

    private static List<String> bundles() throws IOException {
        List<String> names = new ArrayList<>(List.of("messages"));
        for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath*:i18n/*.properties")) {
            String file = r.getFilename();
            if (file != null && !file.contains("_")) {
                names.add("i18n/" + file.substring(0, file.length() - ".properties".length()));
            }
        }
        return names;
    }

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = I18nPropertiesSyncTests.class.getResourceAsStream("/" + name)) {
            assertThat(in).as(name + " exists").isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
