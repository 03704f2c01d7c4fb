package cn.sciday;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import cn.sciday.MatrixFixtures.Caller;
import cn.sciday.account.Accounts;
import cn.sciday.activity.Activities;
import cn.sciday.activity.ActivityUploads;
import cn.sciday.organization.Organizations;
import cn.sciday.signup.Registrations;
import cn.sciday.web.Actor;

/**
 * Every endpoint the application maps (pages and API alike, read from Spring's handler mappings) against the matrix
 * in {@code authorization-matrix.tsv}: the answer each of eight callers gets. A new endpoint that is not in the
 * matrix fails the build, and so does a row for an endpoint that no longer exists. The matrix itself is checked
 * against the rules: not logged in → the login page or 401; a record of another unit, coordinator or person → 404,
 * never 403; no server error for anyone; a state-changing page request without a CSRF token → 403.
 *
 * <p>Answers: {@code ok} (2xx, or a redirect elsewhere than the login page), {@code bad} (400, 409, 413, 415, 422:
 * authorization let the request through and the input or state was refused), {@code login}, or the status code;
 * {@code ok} and {@code bad} count as the same access when rows are compared.
 * Run with {@code -Dsciday.matrix.record=true} to write what the app answers to
 * {@code target/authorization-matrix.observed.tsv} (review every change before copying it over the matrix).
 */
@IntegrationTest
class AuthorizationMatrixIntegrationTests {

    static final String MATRIX = "authorization-matrix.tsv";
    static final long MISSING = 987_654_321L;
    static final Pattern VARIABLE = Pattern.compile("\\{(\\w+)(?::[^}]*)?}");

    @Autowired
    MockMvc mvc;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;
    @Autowired
    Organizations organizations;
    @Autowired
    Activities activities;
    @Autowired
    ActivityUploads uploads;
    @Autowired
    Registrations registrations;
    @Autowired
    Accounts accounts;
    @Autowired
    MutableClock clock;

    /** One endpoint: an HTTP method, a pattern, and whether it takes a multipart body. */
    record Endpoint(String method, String pattern, boolean multipart) implements Comparable<Endpoint> {

        String key() {
            return method + " " + pattern;
        }

        boolean api() {
            return pattern.startsWith("/api/");
        }

        boolean changesState() {
            return !method.equals("GET") && !method.equals("HEAD");
        }

        @Override
        public int compareTo(Endpoint o) {
            int c = pattern.compareTo(o.pattern);
            return c != 0 ? c : method.compareTo(o.method);
        }
    }

    @Test
    void everyEndpointAnswersEveryCallerAsTheMatrixSays() throws Exception {
        Map<String, Endpoint> endpoints = endpoints();
        Map<String, List<String>> matrix = readMatrix();
        boolean record = Boolean.getBoolean("sciday.matrix.record");
        if (!record) {
            assertThat(endpoints.keySet().stream().filter(k -> !matrix.containsKey(k)).toList())
                    .as("endpoints missing from " + MATRIX).isEmpty();
            assertThat(matrix.keySet().stream().filter(k -> !endpoints.containsKey(k)).toList())
                    .as("rows of " + MATRIX + " for endpoints that no longer exist").isEmpty();
            List<String> broken = new ArrayList<>();
            matrix.forEach((key, answers) -> broken.addAll(ruleProblems(endpoints.get(key), answers)));
            assertThat(broken).as("rows of " + MATRIX + " that break the rules").isEmpty();
        }
        clock.set("2021-09-15T09:00:00+08:00"); // other tests move the shared clock; the answers assume the campaign's start
        MatrixFixtures fixtures = new MatrixFixtures(organizations, activities, uploads, registrations, accounts);
        List<String> mismatches = new ArrayList<>();
        StringBuilder observed = new StringBuilder(header());
        MatrixFixtures.Records shared = fixtures.create();
        for (Endpoint e : new java.util.TreeSet<>(endpoints.values())) {
            // a request that changes one of the records gets records of its own; the others share one set
            MatrixFixtures.Records records = e.changesState() && touchesRecords(e.pattern(), shared)
                    ? fixtures.create() : shared;
            List<String> answers = new ArrayList<>();
            for (Caller caller : Caller.values()) {
                answers.add(answer(call(e, records, records.callers().get(caller), true)));
            }
            observed.append(e.method()).append('\t').append(e.pattern()).append('\t')
                    .append(String.join(" ", answers)).append('\n');
            List<String> expected = matrix.get(e.key());
            if (!record && !sameAccess(answers, expected)) {
                mismatches.add(e.key() + "\n    expected " + expected + "\n    answered " + answers);
            }
            if (e.changesState() && !e.api()) {
                MockHttpServletResponse r = call(e, records, null, false);
                Actor city = records.callers().get(Caller.CITY);
                MockHttpServletResponse c = call(e, records, city, false);
                if (c.getStatus() != 403 || (r.getStatus() != 403 && !answer(r).equals("login"))) {
                    mismatches.add(e.key() + ": without a CSRF token the city admin got " + c.getStatus()
                            + " and an anonymous visitor " + r.getStatus() + " (403 expected)");
                }
            }
        }
        if (record) {
            Path out = Path.of("target", "authorization-matrix.observed.tsv");
            Files.writeString(out, observed, StandardCharsets.UTF_8);
            System.out.println("Wrote " + out.toAbsolutePath() + " (" + endpoints.size() + " endpoints)");
            return;
        }
        assertThat(mismatches).as("answers that differ from " + MATRIX).isEmpty();
        System.out.println("Authorization matrix: " + endpoints.size() + " endpoints x " + Caller.values().length
                + " callers checked");
    }

    /**
     * An organizer whose unit still waits for approval can log in and do nothing else: every endpoint closed to
     * anonymous callers answers 403, except the workbench, the profile (with API tokens), the inbox and logging out.
     */
    @Test
    void aPendingOrganizerReachesNothingButTheWorkbenchProfileAndInbox() throws Exception {
        Map<String, List<String>> matrix = readMatrix();
        clock.set("2021-09-15T09:00:00+08:00");
        MatrixFixtures fixtures = new MatrixFixtures(organizations, activities, uploads, registrations, accounts);
        MatrixFixtures.Records records = fixtures.create();
        Actor pending = fixtures.pendingOrganizer();
        assertThat(pending.unitApproved()).isFalse();
        AntPathMatcher paths = new AntPathMatcher();
        List<String> wrong = new ArrayList<>();
        List<String> reached = new ArrayList<>();
        int closed = 0;
        for (Endpoint e : new java.util.TreeSet<>(endpoints().values())) {
            List<String> row = matrix.get(e.key());
            String anonymous = row.get(Caller.ANONYMOUS.ordinal());
            if (!anonymous.equals("login") && !anonymous.equals("401")
                    || row.stream().noneMatch(a -> a.equals("ok") || a.equals("bad"))) {
                continue; // open to everybody, or (with the matrix's empty input) refused to everybody alike
            }
            closed++;
            String answer = answer(call(e, records, pending, true));
            boolean ownCorner = PENDING_ORGANIZER_MAY.stream().anyMatch(p -> paths.match(p, e.pattern()));
            if (ownCorner ? answer.startsWith("5") || answer.equals("403") || answer.equals("login")
                    : !answer.equals("403")) {
                wrong.add(e.key() + " answered " + answer);
            }
            if (ownCorner) {
                reached.add(e.key());
            }
        }
        assertThat(wrong).as("answers to an organizer of a unit awaiting approval").isEmpty();
        assertThat(reached).contains("GET /workbench", "POST /workbench/unit/resubmit", "GET /profile", "GET /inbox",
                "GET /api/v1/me");
        assertThat(closed - reached.size()).as("endpoints refused").isGreaterThan(150);
    }

    /** What an organizer of a unit awaiting approval may reach besides the public pages. */
    static final List<String> PENDING_ORGANIZER_MAY = List.of("/workbench", "/workbench/**", "/profile",
            "/profile/**", "/api/v1/me", "/api/v1/tokens/*", "/inbox", "/inbox/**", "/api/v1/inbox",
            "/api/v1/inbox/**");

    @Test
    void theRulesCatchALeakingRow() {
        Endpoint page = new Endpoint("GET", "/activities/manage/{id}", false);
        Endpoint api = new Endpoint("GET", "/api/v1/activities/{id}", false);
        assertThat(ruleProblems(page, List.of("login 403 403 404 404 ok ok ok".split(" ")))).isEmpty();
        assertThat(ruleProblems(page, List.of("login 403 403 403 404 ok ok ok".split(" "))))
                .singleElement().asString().contains("OTHER_UNIT gets 403");
        assertThat(ruleProblems(page, List.of("login 403 403 404 403 ok ok ok".split(" "))))
                .singleElement().asString().contains("OTHER_COORDINATOR gets 403");
        assertThat(ruleProblems(api, List.of("401 403 ok 404 404 ok ok ok".split(" "))))
                .singleElement().asString().contains("PUBLIC gets 403");
        assertThat(ruleProblems(page, List.of("403 403 403 404 404 ok ok ok".split(" ")))).isNotEmpty();
        assertThat(ruleProblems(api, List.of("login 403 403 404 404 ok ok ok".split(" ")))).isNotEmpty();
        assertThat(ruleProblems(page, List.of("login 403 403 404 404 ok ok 500".split(" ")))).isNotEmpty();
    }

    /**
     * Whether two rows give the same access: {@code ok} and {@code bad} both say that authorization let the caller in
     * (whether the empty form is then accepted depends on the records' state, not on who asks).
     */
    static boolean sameAccess(List<String> answers, List<String> expected) {
        if (expected == null || answers.size() != expected.size()) {
            return false;
        }
        for (int i = 0; i < answers.size(); i++) {
            if (!access(answers.get(i)).equals(access(expected.get(i)))) {
                return false;
            }
        }
        return true;
    }

    private static String access(String answer) {
        return answer.equals("bad") ? "ok" : answer;
    }

    /** Whether the pattern names the activity or the ticket of the records. */
    static boolean touchesRecords(String pattern, MatrixFixtures.Records r) {
        String uri = uri(pattern, r);
        return uri.contains("/" + r.activityId()) || uri.contains("/" + r.registrationId());
    }

    /** What the rules say about a row of the matrix; empty when it follows them. */
    static List<String> ruleProblems(Endpoint e, List<String> answers) {
        List<String> problems = new ArrayList<>();
        if (answers.size() != Caller.values().length) {
            problems.add(e.key() + ": " + Caller.values().length + " answers expected");
            return problems;
        }
        Map<Caller, String> a = new java.util.EnumMap<>(Caller.class);
        for (Caller c : Caller.values()) {
            a.put(c, answers.get(c.ordinal()));
        }
        a.forEach((caller, answer) -> {
            if (answer.startsWith("5")) {
                problems.add(e.key() + ": " + caller + " gets a server error");
            }
        });
        String anonymous = a.get(Caller.ANONYMOUS);
        if (anonymous.equals("403") || (e.api() && anonymous.equals("login"))
                || (!e.api() && anonymous.equals("401"))) {
            problems.add(e.key() + ": anonymous callers must get the login page (pages) or 401 (API), not "
                    + anonymous);
        }
        boolean open = !anonymous.equals("login") && !anonymous.equals("401");
        if (!open) {
            sameRoleOutOfScope(e, a, Caller.PUBLIC_OWNER, Caller.PUBLIC, problems);
            sameRoleOutOfScope(e, a, Caller.UNIT_OWNER, Caller.OTHER_UNIT, problems);
            sameRoleOutOfScope(e, a, Caller.COORDINATOR, Caller.OTHER_COORDINATOR, problems);
        }
        return problems;
    }

    /** Someone with the same role outside the record's scope must not learn it exists: 404, never 403. */
    private static void sameRoleOutOfScope(Endpoint e, Map<Caller, String> a, Caller inside, Caller outside,
            List<String> problems) {
        boolean insideAllowed = a.get(inside).equals("ok") || a.get(inside).equals("bad");
        if (insideAllowed && a.get(outside).equals("403")) {
            problems.add(e.key() + ": " + outside + " gets 403 where " + inside + " is let in (404 expected)");
        }
    }

    MockHttpServletResponse call(Endpoint e, MatrixFixtures.Records records, Actor actor, boolean withCsrf)
            throws Exception {
        String uri = uri(e.pattern(), records);
        AbstractMockHttpServletRequestBuilder<?> request = e.multipart()
                ? MockMvcRequestBuilders.multipart(HttpMethod.valueOf(e.method()), uri)
                : MockMvcRequestBuilders.request(HttpMethod.valueOf(e.method()), uri);
        if (e.pattern().startsWith("/v3/")) {
            request.accept(MediaType.ALL);
        } else if (e.api()) {
            request.accept(MediaType.APPLICATION_JSON);
            if (e.changesState() && !e.multipart()) {
                request.contentType(MediaType.APPLICATION_JSON).content("{}");
            }
        } else {
            request.accept(MediaType.TEXT_HTML);
            if (e.changesState()) {
                // the parameters most forms need, so that binding lets the request reach the authorization checks
                request.param("activityId", String.valueOf(records.activityId())).param("milestone", "INTENTION")
                        .param("rating", "5").param("name", "矩阵测试");
            }
        }
        if (withCsrf && e.changesState()) {
            request.with(csrf());
        }
        if (actor != null) {
            request.with(TestLogins.as(actor));
        }
        return mvc.perform(request).andReturn().getResponse();
    }

    static String answer(MockHttpServletResponse r) {
        int s = r.getStatus();
        if (s >= 300 && s < 400) {
            String location = r.getRedirectedUrl() == null ? "" : r.getRedirectedUrl();
            return location.endsWith("/login") || location.contains("/login?") ? "login" : "ok";
        }
        if (s >= 200 && s < 300) {
            return "ok";
        }
        if (s == 400 || s == 409 || s == 413 || s == 415 || s == 422) {
            return "bad";
        }
        return String.valueOf(s);
    }

    /** The pattern with its variables filled in: the row's own records where the variable names one, else a miss. */
    static String uri(String pattern, MatrixFixtures.Records r) {
        Matcher m = VARIABLE.matcher(pattern);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(value(pattern, m.group(1), r)));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String value(String pattern, String name, MatrixFixtures.Records r) {
        return switch (name) {
            case "registrationId", "ticketId" -> String.valueOf(r.registrationId());
            case "organizationId" -> String.valueOf(r.unitId());
            case "kind" -> pattern.startsWith("/summaries") ? "STAGE" : "INTENTION";
            case "milestone" -> "INTENTION";
            case "number" -> "1";
            case "action" -> "submit";
            case "id" -> String.valueOf(id(pattern, r));
            default -> String.valueOf(MISSING);
        };
    }

    private static long id(String pattern, MatrixFixtures.Records r) {
        if (pattern.startsWith("/tickets/") || pattern.startsWith("/api/v1/registrations/")) {
            return r.registrationId();
        }
        if (pattern.startsWith("/units/") || pattern.startsWith("/api/v1/units/")) {
            return r.unitId();
        }
        if (pattern.startsWith("/activities/") || pattern.startsWith("/api/v1/activities/")
                || pattern.startsWith("/my/activities/") || pattern.startsWith("/review/")) {
            return r.activityId();
        }
        return MISSING;
    }

    Map<String, Endpoint> endpoints() {
        Map<String, Endpoint> all = new TreeMap<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            if (info.getPatternValues().contains("/error")) {
                continue; // Spring Boot's error page: called directly, with no failed request behind it, it says 500
            }
            boolean multipart = info.getConsumesCondition().getConsumableMediaTypes().stream()
                    .anyMatch(t -> t.isCompatibleWith(MediaType.MULTIPART_FORM_DATA));
            List<String> methods = info.getMethodsCondition().getMethods().stream().map(RequestMethod::name)
                    .sorted().toList();
            for (String pattern : info.getPatternValues()) {
                for (String method : methods.isEmpty() ? List.of("GET") : methods) {
                    Endpoint e = new Endpoint(method, pattern, multipart);
                    all.put(e.key(), e);
                }
            }
        }
        return all;
    }

    static Map<String, List<String>> readMatrix() throws IOException {
        Map<String, List<String>> matrix = new TreeMap<>();
        ClassPathResource file = new ClassPathResource(MATRIX);
        if (!file.exists()) {
            return matrix;
        }
        for (String line : file.getContentAsString(StandardCharsets.UTF_8).split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\t");
            matrix.put(parts[0] + " " + parts[1], List.of(parts[2].trim().split(" +")));
        }
        return matrix;
    }

    static String header() {
        StringBuilder h = new StringBuilder("# method\tpattern\tanswers of:");
        for (Caller c : Caller.values()) {
            h.append(' ').append(c.name().toLowerCase());
        }
        return h.append("\n# ok = 2xx or a redirect elsewhere; bad = 400/409/413/415/422; login = the login page\n")
                .toString();
    }
}
