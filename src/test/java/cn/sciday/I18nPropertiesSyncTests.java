package cn.sciday;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** Every Chinese bundle has an English twin with the same keys, no value is empty, and no key is defined twice. */
class I18nPropertiesSyncTests {

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
