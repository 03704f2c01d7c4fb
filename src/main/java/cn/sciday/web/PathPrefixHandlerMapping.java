package cn.sciday.web;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;
import org.springframework.web.cors.CorsUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.util.pattern.PathPattern;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxHandlerInterceptor;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequestMappingHandlerMapping;

/**
 * Spring MVC's request mapping, looking only at the mappings a path could match. For a path with variables
 * ({@code /api/v1/activities/{id}/registrations}) Spring tries every mapping of the application in turn: with some
 * 300 mappings that was an eighth of an API request's processor time. Here the mappings are indexed by the first
 * segment of their patterns' literal start, and a request tries only those whose literal start its path begins with
 * (plus the few whose patterns begin with a variable). The rest is Spring's own: the conditions, the choice of the best
 * match by Spring's comparator, the error for an ambiguous one, {@code handleMatch} and {@code handleNoMatch} (given
 * every mapping, for its 405/406/415 answers). CORS pre-flight requests and paths with percent-escapes (a pattern's
 * literal text is compared with the decoded path) go to Spring's lookup unchanged. It extends htmx-spring-boot's
 * mapping, which adds the {@code @HxRequest} conditions.
 */
class PathPrefixHandlerMapping extends HtmxRequestMappingHandlerMapping {

    private static final String[] ANY = {""};

    /** How many leading literal segments key the index ({@code api/v1/activities}). */
    static final int DEPTH = 3;

    /** A mapping with its handler, the literal starts of its patterns and its literal paths. */
    private record Candidate(RequestMappingInfo info, HandlerMethod handler, String[] prefixes,
            Set<String> directPaths) {
    }

    /**
     * Mappings by the leading literal segments of their patterns, up to {@link #DEPTH} ({@code /api/v1/x/{id}} under
     * {@code api/v1/x}); {@code open}: those whose first segment is not literal.
     */
    private record Index(Map<String, List<Candidate>> bySegments, List<Candidate> open,
            Set<RequestMappingInfo> all) {

        /** Each mapping once, even one whose patterns are filed under several of the path's keys. */
        List<Candidate> candidates(String path) {
            List<Candidate> found = new ArrayList<>(open);
            Set<Candidate> seen = null;
            int lists = 0;
            for (String key : leadingSegments(path)) {
                List<Candidate> named = bySegments.get(key);
                if (named == null) {
                    continue;
                }
                if (++lists == 2) {
                    seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
                    seen.addAll(found);
                }
                for (Candidate c : named) {
                    if (seen == null || seen.add(c)) {
                        found.add(c);
                    }
                }
            }
            return found;
        }
    }

    private volatile @Nullable Index index;

    @Override
    protected void registerHandlerMethod(Object handler, Method method, RequestMappingInfo mapping) {
        super.registerHandlerMethod(handler, method, mapping);
        index = null;
    }

    @Override
    public void registerMapping(RequestMappingInfo mapping, Object handler, Method method) {
        super.registerMapping(mapping, handler, method);
        index = null;
    }

    @Override
    public void unregisterMapping(RequestMappingInfo mapping) {
        super.unregisterMapping(mapping);
        index = null;
    }

    /**
     * The handler's interceptors, without htmx-spring-boot's for API paths: it looks up the handler method's htmx
     * annotations on every request, uncached (about 2.5% of a sign-up's processor time), and a JSON answer carries no
     * htmx headers.
     */
    @Override
    protected HandlerExecutionChain getHandlerExecutionChain(Object handler, HttpServletRequest request) {
        HandlerExecutionChain chain = super.getHandlerExecutionChain(handler, request);
        if (!ErrorAdvice.isApi(request)) {
            return chain;
        }
        List<HandlerInterceptor> kept = chain.getInterceptorList().stream()
                .filter(i -> !(i instanceof HtmxHandlerInterceptor)).toList();
        return kept.size() == chain.getInterceptorList().size() ? chain
                : new HandlerExecutionChain(chain.getHandler(), kept.toArray(HandlerInterceptor[]::new));
    }

    @Override
    protected @Nullable HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request)
            throws Exception {
        if (lookupPath.indexOf('%') >= 0 || CorsUtils.isPreFlightRequest(request)) {
            return super.lookupHandlerMethod(lookupPath, request);
        }
        Index current = index();
        List<Candidate> candidates = current.candidates(lookupPath);
        // as Spring does: mappings whose literal path is the path itself first, the patterns only when none matches
        List<Candidate> direct = new ArrayList<>(2);
        for (Candidate c : candidates) {
            if (c.directPaths().contains(lookupPath)) {
                direct.add(c);
            }
        }
        List<Match> matches = matches(direct, lookupPath, request, false);
        if (matches.isEmpty()) {
            matches = matches(candidates, lookupPath, request, true);
        }
        if (matches.isEmpty()) {
            return handleNoMatch(current.all(), lookupPath, request);
        }
        Match best = matches.get(0);
        if (matches.size() > 1) {
            Comparator<RequestMappingInfo> order = getMappingComparator(request);
            matches.sort((a, b) -> order.compare(a.info(), b.info()));
            best = matches.get(0);
            Match second = matches.get(1);
            if (order.compare(best.info(), second.info()) == 0) {
                throw new IllegalStateException("Ambiguous handler methods mapped for '" + request.getRequestURI()
                        + "': {" + best.handler().getMethod() + ", " + second.handler().getMethod() + "}");
            }
        }
        request.setAttribute(BEST_MATCHING_HANDLER_ATTRIBUTE, best.handler());
        handleMatch(best.info(), lookupPath, request);
        return best.handler();
    }

    /** Spring's own lookup over every mapping, for comparison in tests. */
    @Nullable HandlerMethod springLookup(String lookupPath, HttpServletRequest request) throws Exception {
        return super.lookupHandlerMethod(lookupPath, request);
    }

    private record Match(RequestMappingInfo info, HandlerMethod handler) {
    }

    private List<Match> matches(List<Candidate> candidates, String path, HttpServletRequest request,
            boolean checkPrefix) {
        List<Match> matches = new ArrayList<>(2);
        for (Candidate c : candidates) {
            if (checkPrefix && !couldMatch(c.prefixes(), path)) {
                continue;
            }
            // the path first: Spring checks it after the methods, headers and media types, and a mapping whose
            // patterns miss the path can never match, so the costlier conditions run only for the one or two left
            PathPatternsRequestCondition patterns = c.info().getPathPatternsCondition();
            if (patterns != null && patterns.getMatchingCondition(request) == null) {
                continue;
            }
            RequestMappingInfo match = getMatchingMapping(c.info(), request);
            if (match != null) {
                matches.add(new Match(match, c.handler()));
            }
        }
        return matches;
    }

    private Index index() {
        Index current = index;
        if (current == null) {
            Map<RequestMappingInfo, HandlerMethod> handlers = getHandlerMethods();
            Map<String, List<Candidate>> bySegments = new HashMap<>();
            List<Candidate> open = new ArrayList<>();
            for (Map.Entry<RequestMappingInfo, HandlerMethod> e : handlers.entrySet()) {
                RequestMappingInfo info = e.getKey();
                Candidate c = new Candidate(info, e.getValue(), literalPrefixes(info), Set.copyOf(info.getDirectPaths()));
                PathPatternsRequestCondition patterns = info.getPathPatternsCondition();
                List<String> keys = new ArrayList<>();
                for (PathPattern pattern : patterns == null ? Set.<PathPattern>of() : patterns.getPatterns()) {
                    String key = literalKey(pattern.getPatternString());
                    if (key == null) {
                        keys = null;
                        break;
                    }
                    if (!keys.contains(key)) {
                        keys.add(key);
                    }
                }
                if (keys == null || keys.isEmpty()) {
                    open.add(c);
                } else {
                    for (String key : keys) {
                        bySegments.computeIfAbsent(key, k -> new ArrayList<>()).add(c);
                    }
                }
            }
            current = new Index(bySegments, List.copyOf(open), Set.copyOf(handlers.keySet()));
            index = current;
        }
        return current;
    }

    /** The keys a path is looked up under: its first one, two and three segments ({@code api}, {@code api/v1}, …). */
    static List<String> leadingSegments(String path) {
        String rest = path.startsWith("/") ? path.substring(1) : path;
        List<String> keys = new ArrayList<>(DEPTH);
        int end = -1;
        for (int depth = 1; depth <= DEPTH; depth++) {
            end = rest.indexOf('/', end + 1);
            if (end < 0) {
                keys.add(rest);
                break;
            }
            keys.add(rest.substring(0, end));
        }
        return keys;
    }

    /**
     * A pattern's key: its leading segments that are literal text, up to {@link #DEPTH} ({@code /api/v1/{id}} →
     * {@code api/v1}, {@code /activities} → {@code activities}, {@code /} → empty); null when the first segment holds a
     * variable or wildcard ({@code /{x}}, {@code /act*}) or the pattern does not start with a slash.
     */
    static @Nullable String literalKey(String pattern) {
        if (!pattern.startsWith("/")) {
            return null;
        }
        String[] segments = pattern.substring(1).split("/", -1);
        StringBuilder key = new StringBuilder();
        for (int i = 0; i < segments.length && i < DEPTH; i++) {
            if (literalPrefix(segments[i]).length() != segments[i].length()) {
                break;
            }
            if (i > 0) {
                key.append('/');
            }
            key.append(segments[i]);
            if (i == 0 && segments[i].isEmpty()) {
                return "";
            }
        }
        return literalPrefix(segments[0]).length() == segments[0].length() ? key.toString() : null;
    }

    static boolean couldMatch(String[] literalPrefixes, String path) {
        for (String prefix : literalPrefixes) {
            if (path.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** The literal start of each of the mapping's patterns (up to the first variable or wildcard). */
    static String[] literalPrefixes(RequestMappingInfo info) {
        PathPatternsRequestCondition condition = info.getPathPatternsCondition();
        if (condition == null || condition.getPatterns().isEmpty()) {
            return ANY;
        }
        return condition.getPatterns().stream().map(p -> literalPrefix(p.getPatternString())).toArray(String[]::new);
    }

    static String literalPrefix(String pattern) {
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '{' || c == '*' || c == '?' || c == '\\') {
                return pattern.substring(0, i);
            }
        }
        return pattern;
    }
}
