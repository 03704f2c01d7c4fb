package cn.sciday.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPattern;

import cn.sciday.IntegrationTest;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxHandlerInterceptor;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequestMappingHandlerMapping;

/**
 * The quick path test of {@link PathPrefixHandlerMapping} never passes over a mapping that Spring's own matching would
 * take, for a path made from every pattern of the application, and it does pass over most mappings.
 */
@IntegrationTest
class PathPrefixHandlerMappingIntegrationTests {

    static final List<String> CONTENT_TYPES = List.of("application/json", "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=x");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    @Test
    void theApplicationMapsRequestsWithTheQuickTest() {
        assertThat(mapping).isInstanceOf(PathPrefixHandlerMapping.class)
                .as("htmx-spring-boot's conditions stay").isInstanceOf(HtmxRequestMappingHandlerMapping.class);
        assertThat(mapping.getHandlerMethods()).hasSizeGreaterThan(100);
    }

    @Test
    void noMappingThatSpringWouldTakeIsPassedOver() {
        assertThat(passedOverButMatching(PathPrefixHandlerMapping::literalPrefixes)).isEmpty();
    }

    @Test
    void theLookupAnswersAsSpringsOwnForEveryPattern() throws Exception {
        PathPrefixHandlerMapping indexed = (PathPrefixHandlerMapping) mapping;
        List<String> different = new ArrayList<>();
        int compared = 0;
        for (String path : samplePaths()) {
            for (RequestMethod method : List.of(RequestMethod.GET, RequestMethod.POST, RequestMethod.PUT,
                    RequestMethod.DELETE)) {
                for (String contentType : CONTENT_TYPES) {
                    String ours = outcome(() -> indexed.lookupHandlerMethod(path, request(method, path, contentType)));
                    String spring = outcome(() -> indexed.springLookup(path, request(method, path, contentType)));
                    compared++;
                    if (!ours.equals(spring)) {
                        different.add(method + " " + path + " " + contentType + ": " + ours + " / Spring: " + spring);
                    }
                }
            }
        }
        assertThat(compared).isGreaterThan(1000);
        assertThat(different).isEmpty();
    }

    @Test
    void aMappingFiledUnderTwoKeysOfOnePathIsTriedOnce() throws Exception {
        PathPrefixHandlerMapping indexed = (PathPrefixHandlerMapping) mapping;
        RequestMappingInfo info = RequestMappingInfo.paths("/zz/{x}", "/zz/yy/{y}").methods(RequestMethod.GET)
                .options(mapping.getBuilderConfiguration()).build();
        Object handler = new Object();
        indexed.registerMapping(info, handler, Object.class.getMethod("toString"));
        try {
            String path = "/zz/yy/1";
            assertThat(outcome(() -> indexed.lookupHandlerMethod(path, request(RequestMethod.GET, path))))
                    .as("not ambiguous with itself").isEqualTo(Object.class.getMethod("toString").toString())
                    .isEqualTo(outcome(() -> indexed.springLookup(path, request(RequestMethod.GET, path))));
        } finally {
            indexed.unregisterMapping(info);
        }
        assertThat(outcome(() -> indexed.lookupHandlerMethod("/zz/yy/1", request(RequestMethod.GET, "/zz/yy/1"))))
                .as("gone once unregistered").isEqualTo("none");
    }

    @Test
    void keysOfPatternsAndPaths() {
        assertThat(PathPrefixHandlerMapping.literalKey("/api/v1/activities/{id}/registrations"))
                .isEqualTo("api/v1/activities");
        assertThat(PathPrefixHandlerMapping.literalKey("/api/v1/{id}")).isEqualTo("api/v1");
        assertThat(PathPrefixHandlerMapping.literalKey("/activities")).isEqualTo("activities");
        assertThat(PathPrefixHandlerMapping.literalKey("/")).isEmpty();
        assertThat(PathPrefixHandlerMapping.literalKey("/{lang}/x")).isNull();
        assertThat(PathPrefixHandlerMapping.literalKey("/act*/x")).isNull();
        assertThat(PathPrefixHandlerMapping.literalKey("/**")).isNull();
        assertThat(PathPrefixHandlerMapping.leadingSegments("/api/v1/activities/7/registrations"))
                .containsExactly("api", "api/v1", "api/v1/activities");
        assertThat(PathPrefixHandlerMapping.leadingSegments("/activities/7")).containsExactly("activities",
                "activities/7");
        assertThat(PathPrefixHandlerMapping.leadingSegments("/")).containsExactly("");
    }

    interface Lookup {
        HandlerMethod get() throws Exception;
    }

    /** What a lookup came to: the handler method, none, or the kind of error. */
    static String outcome(Lookup lookup) {
        try {
            HandlerMethod h = lookup.get();
            return h == null ? "none" : h.getMethod().toString();
        } catch (Exception e) {
            return e.getClass().getSimpleName();
        }
    }

    private List<String> samplePaths() {
        List<String> paths = new ArrayList<>(List.of("/", "/nowhere", "/api/v1/nowhere/7", "/activities/7/x"));
        for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
            for (PathPattern p : info.getPathPatternsCondition().getPatterns()) {
                paths.add(samplePath(p.getPatternString()));
            }
        }
        return paths.stream().distinct().toList();
    }

    private static MockHttpServletRequest request(RequestMethod method, String path, String contentType) {
        MockHttpServletRequest request = request(method, path);
        request.setContentType(contentType);
        return request;
    }

    @Test
    void negativeControlPrefixesThatIncludeTheVariablesPassOverRealMatches() {
        // the whole pattern string as the "prefix": /activities/{id} would need the path to start with "{id}"
        Function<RequestMappingInfo, String[]> wrong = info -> info.getPathPatternsCondition().getPatterns().stream()
                .map(PathPattern::getPatternString).toArray(String[]::new);
        assertThat(passedOverButMatching(wrong)).isNotEmpty();
    }

    @Test
    void mostMappingsArePassedOverForAnApiPath() {
        MockHttpServletRequest request = request(RequestMethod.POST, "/api/v1/activities/7/registrations");
        long candidates = mapping.getHandlerMethods().keySet().stream()
                .filter(info -> PathPrefixHandlerMapping.couldMatch(PathPrefixHandlerMapping.literalPrefixes(info),
                        "/api/v1/activities/7/registrations"))
                .count();
        assertThat(candidates).isLessThan(mapping.getHandlerMethods().size() / 10);
        assertThat(handler(request)).as("and the sign-up is still found")
                .extracting(h -> h.getMethod().getName()).isEqualTo("register");
    }

    @Test
    void htmxInterceptorRunsForPagesButNotForTheApi() throws Exception {
        assertThat(interceptors(request(RequestMethod.GET, "/activities"))).contains(HtmxHandlerInterceptor.class);
        List<Class<?>> api = interceptors(request(RequestMethod.POST, "/api/v1/activities/7/registrations"));
        assertThat(api).doesNotContain(HtmxHandlerInterceptor.class)
                .as("the other interceptors stay").isNotEmpty();
        assertThat(interceptors(request(RequestMethod.GET, "/activities")))
                .as("the page keeps all the API has, and htmx's").containsAll(api);
    }

    private List<Class<?>> interceptors(MockHttpServletRequest request) throws Exception {
        return mapping.getHandler(request).getInterceptorList().stream().<Class<?>>map(Object::getClass).toList();
    }

    @Test
    void escapedPathsGoToSpringsOwnMatching() throws Exception {
        // "%61" is "a": Spring compares the pattern's literal text with the decoded path
        assertThat(handler(request(RequestMethod.GET, "/%61ctivities")))
                .isEqualTo(handler(request(RequestMethod.GET, "/activities")));
    }

    /** Pairs (mapping, path) that Spring matches but the prefixes would pass over. */
    private List<String> passedOverButMatching(Function<RequestMappingInfo, String[]> prefixes) {
        Set<RequestMappingInfo> infos = mapping.getHandlerMethods().keySet();
        List<String> paths = new ArrayList<>();
        for (RequestMappingInfo info : infos) {
            for (PathPattern p : info.getPathPatternsCondition().getPatterns()) {
                paths.add(samplePath(p.getPatternString()));
            }
        }
        List<String> wrong = new ArrayList<>();
        for (String path : paths) {
            for (RequestMappingInfo info : infos) {
                for (RequestMethod method : methodsOf(info)) {
                    for (String contentType : CONTENT_TYPES) {
                        MockHttpServletRequest request = request(method, path);
                        request.setContentType(contentType);
                        if (info.getMatchingCondition(request) != null
                                && !PathPrefixHandlerMapping.couldMatch(prefixes.apply(info), path)) {
                            wrong.add(method + " " + path + " -> " + info);
                        }
                    }
                }
            }
        }
        return wrong;
    }

    private static Set<RequestMethod> methodsOf(RequestMappingInfo info) {
        Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
        return methods.isEmpty() ? Set.of(RequestMethod.GET, RequestMethod.POST) : methods;
    }

    /** A concrete path for a pattern: each variable becomes 7, each wildcard x. */
    static String samplePath(String pattern) {
        return pattern.replaceAll("\\{\\*[^}]*}", "x/y").replaceAll("\\{[^}]*}", "7").replace("**", "x/y")
                .replace("*", "x").replace("?", "x");
    }

    private static MockHttpServletRequest request(RequestMethod method, String path) {
        MockHttpServletRequest request = new MockHttpServletRequest(method.name(), path);
        request.addHeader("Accept", "*/*");
        request.setContentType("application/json");
        ServletRequestPathUtils.parseAndCache(request);
        return request;
    }

    private HandlerMethod handler(MockHttpServletRequest request) {
        try {
            HandlerExecutionChain chain = mapping.getHandler(request);
            return chain == null ? null : (HandlerMethod) chain.getHandler();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
