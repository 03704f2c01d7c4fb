package cn.sciday;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Messages for people come from the bundles, in both languages: production code never builds an exception or a
 * problem (InvalidInputException and its Problem, ConflictException, ForbiddenException, AccessDeniedException,
 * TooManyRequestsException, a module's own XxxException, XxxProblem or Bad) from a literal with Chinese text, and
 * every key it names exists in the bundles. The scan is checked on sample sources (negative controls).
 */
class UserMessageKeysTests {

    static final Path SOURCES = Path.of("src/main/java");

    /** A constructor call whose arguments carry a message for people. */
    static final Pattern CALL = Pattern.compile("\\bnew\\s+(?:[\\w.]+\\.)?(\\w*(?:Exception|Problem)|Bad)\\s*\\(");
    static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"");
    static final Pattern CJK = Pattern.compile("[\\p{IsHan}\\u3000-\\u303F\\uFF00-\\uFFEF]");
    static final Pattern KEY = Pattern.compile("[a-z][A-Za-z0-9_-]*(?:\\.[A-Za-z0-9_-]+)+");

    record Finding(String file, int line, String call, String text) {
        @Override
        public String toString() {
            return file + ":" + line + " new " + call + "(… \"" + text + "\" …)";
        }
    }

    @Test
    void productionCodeBuildsNoMessageFromAChineseLiteral() throws IOException {
        List<Finding> found = new ArrayList<>();
        forEachSource((file, source) -> found.addAll(chineseLiterals(file.toString(), source)));
        assertThat(found).as("messages to move into the module's bundle (i18n/<module>.properties and _en)").isEmpty();
    }

    @Test
    void everyKeyNamedInAnExceptionIsInTheBundles() throws IOException {
        Set<String> keys = bundleKeys();
        Set<String> prefixes = new HashSet<>();
        keys.stream().filter(k -> k.contains(".")).forEach(k -> prefixes.add(k.substring(0, k.indexOf('.'))));
        List<Finding> missing = new ArrayList<>();
        forEachSource((file, source) -> missing.addAll(missingKeys(file.toString(), source, keys, prefixes)));
        assertThat(missing).as("keys missing from the bundles").isEmpty();
    }

    /** Negative control: the scan catches a Chinese literal however the call is written, and a missing key. */
    @Test
    void theScanCatchesChineseLiteralsAndMissingKeys() {
        String sample = """
                class Sample {
                    void a() { throw new ConflictException("该活动已经结束。"); }
                    void b() {
                        throw new InvalidInputException("reason",
                                "请填写理由，" + "单位会看到它。");
                    }
                    void c() { problems.add(new InvalidInputException.Problem("row", "第" + row + "行")); }
                    void d() { throw new org.springframework.security.access.AccessDeniedException("只有市科协可以这样做。"); }
                    void e() { throw new Bad(String.format("日期“%s”不存在", s)); }
                    void f() { throw new ConflictException("campaign.error.noSuchKey"); }
                    void g() { throw new ConflictException("campaign.error.alreadyCurrent"); }
                    void h() { throw new NotFoundException("campaign " + id); }
                    void i() { String s = "中文不是异常的消息"; log.info("无关（" + s + "）"); }
                }
                """;
        List<Finding> chinese = chineseLiterals("Sample.java", sample);
        assertThat(chinese).extracting(Finding::line).containsExactly(2, 5, 5, 7, 7, 8, 9);
        assertThat(chinese).extracting(Finding::call).containsExactly("ConflictException", "InvalidInputException",
                "InvalidInputException", "Problem", "Problem", "AccessDeniedException", "Bad");

        Set<String> keys = Set.of("campaign.error.alreadyCurrent");
        List<Finding> missing = missingKeys("Sample.java", sample, keys, Set.of("campaign"));
        assertThat(missing).extracting(Finding::text).containsExactly("campaign.error.noSuchKey");
    }

    static List<Finding> chineseLiterals(String file, String source) {
        List<Finding> found = new ArrayList<>();
        for (Call call : calls(source)) {
            Matcher m = LITERAL.matcher(call.arguments());
            while (m.find()) {
                if (CJK.matcher(m.group(1)).find()) {
                    found.add(new Finding(file, lineOf(source, call.start() + call.prefix() + m.start()), call.name(),
                            m.group(1)));
                }
            }
        }
        return found;
    }

    static List<Finding> missingKeys(String file, String source, Set<String> keys, Set<String> prefixes) {
        List<Finding> missing = new ArrayList<>();
        for (Call call : calls(source)) {
            Matcher m = LITERAL.matcher(call.arguments());
            while (m.find()) {
                String text = m.group(1);
                if (KEY.matcher(text).matches() && prefixes.contains(text.substring(0, text.indexOf('.')))
                        && !keys.contains(text)) {
                    missing.add(new Finding(file, lineOf(source, call.start()), call.name(), text));
                }
            }
        }
        return missing;
    }

    /** A constructor call: where it starts, its name and its argument list (balanced, strings skipped). */
    record Call(int start, int prefix, String name, String arguments) {
    }

    static List<Call> calls(String source) {
        List<Call> calls = new ArrayList<>();
        Matcher m = CALL.matcher(source);
        while (m.find()) {
            int open = m.end();
            int depth = 1;
            int i = open;
            while (i < source.length() && depth > 0) {
                char c = source.charAt(i);
                if (c == '"' || c == '\'') {
                    i = skipLiteral(source, i, c);
                    continue;
                }
                if (c == '(') {
                    depth++;
                } else if (c == ')') {
                    depth--;
                }
                i++;
            }
            calls.add(new Call(m.start(), open - m.start(), m.group(1), source.substring(open, Math.max(open, i - 1))));
        }
        return calls;
    }

    private static int skipLiteral(String source, int i, char quote) {
        int j = i + 1;
        while (j < source.length() && source.charAt(j) != quote && source.charAt(j) != '\n') {
            j += source.charAt(j) == '\\' ? 2 : 1;
        }
        return j + 1;
    }

    private static int lineOf(String source, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < source.length(); i++) {
            if (source.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    interface SourceVisitor {
        void visit(Path file, String source);
    }

    private static void forEachSource(SourceVisitor visitor) throws IOException {
        assertThat(SOURCES.resolve("cn/sciday")).isDirectory();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            files.filter(p -> p.toString().endsWith(".java")).sorted().forEach(p -> {
                try {
                    visitor.visit(p, Files.readString(p, StandardCharsets.UTF_8));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    static Set<String> bundleKeys() throws IOException {
        Set<String> keys = new TreeSet<>();
        List<String> names = new ArrayList<>(List.of("/messages.properties"));
        for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath*:i18n/*.properties")) {
            if (r.getFilename() != null && !r.getFilename().contains("_")) {
                names.add("/i18n/" + r.getFilename());
            }
        }
        for (String name : names) {
            Properties p = new Properties();
            try (InputStream in = UserMessageKeysTests.class.getResourceAsStream(name)) {
                p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
            keys.addAll(p.stringPropertyNames());
        }
        return keys;
    }
}
