package cn.sciday.portal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * A rendered public page as the application answered it: its headers (security headers included) and its bytes.
 * Only a plain 200 without cookies is kept, so nothing personal (a session, a CSRF token) can be handed to the next
 * reader.
 */
record CachedPage(String contentType, List<Header> headers, byte[] body) {

    record Header(String name, String value) {
    }

    /** Headers that belong to one answer, not to the page: never stored, never replayed. */
    private static final Set<String> OWN_HEADERS = Set.of("set-cookie", "date", "content-length", "transfer-encoding",
            "x-request-id", "connection", "keep-alive");

    /** The page in {@code response} once the application has written it, or null when it must not be kept. */
    static CachedPage of(ContentCachingResponseWrapper response) {
        if (response.getStatus() != HttpServletResponse.SC_OK || response.isCommitted()
                || response.containsHeader("Set-Cookie") || response.getContentType() == null
                || !response.getContentType().startsWith("text/html")) {
            return null;
        }
        List<Header> headers = new ArrayList<>();
        for (String name : response.getHeaderNames()) {
            if (!OWN_HEADERS.contains(name.toLowerCase(Locale.ROOT)) && !name.equalsIgnoreCase("Content-Type")) {
                for (String value : response.getHeaders(name)) {
                    headers.add(new Header(name, value));
                }
            }
        }
        return new CachedPage(response.getContentType(), List.copyOf(headers), response.getContentAsByteArray());
    }

    void writeTo(HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_OK);
        // a header an earlier filter already set on this answer (its request id, say) is not repeated
        Set<String> present = new java.util.HashSet<>();
        for (String name : response.getHeaderNames()) {
            present.add(name.toLowerCase(Locale.ROOT));
        }
        for (Header h : headers) {
            if (!present.contains(h.name().toLowerCase(Locale.ROOT))) {
                response.addHeader(h.name(), h.value());
            }
        }
        response.setContentType(contentType);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
