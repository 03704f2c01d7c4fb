package cn.sciday;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.UnsupportedEncodingException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.provider.Arguments;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * The modules' authorization tests write a table: a row per endpoint (method, path, then one expected answer per
 * caller). An answer is a status code, {@code login} (a redirect to the login page) or {@code 302} (any other
 * redirect).
 */
public final class AuthorizationTable {

    private AuthorizationTable() {
    }

    /** One case (method, path, caller, expected answer) per row and caller. */
    public static Stream<Arguments> cases(String[] callers, String[][] rows) {
        List<Arguments> all = new ArrayList<>();
        for (String[] row : rows) {
            for (int i = 0; i < callers.length; i++) {
                all.add(Arguments.of(row[0], row[1], callers[i], row[2 + i]));
            }
        }
        return all.stream();
    }

    /** Checks a response against an expected answer of the table. */
    public static void assertAnswer(MockHttpServletResponse response, String expected)
            throws UnsupportedEncodingException {
        switch (expected) {
            case "login" -> {
                assertThat(response.getStatus()).isEqualTo(302);
                assertThat(response.getRedirectedUrl()).endsWith("/login");
            }
            case "302" -> {
                assertThat(response.getStatus()).isEqualTo(302);
                assertThat(response.getRedirectedUrl()).doesNotEndWith("/login");
            }
            default -> assertThat(response.getStatus()).as(response.getContentAsString())
                    .isEqualTo(Integer.parseInt(expected));
        }
    }
}
