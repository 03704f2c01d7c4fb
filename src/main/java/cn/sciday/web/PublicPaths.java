package cn.sciday.web;

import java.util.List;

/**
 * URL patterns a module opens to anonymous visitors. Each module declares a bean of this type; the security
 * configuration permits the union and requires a login everywhere else.
 */
public record PublicPaths(List<String> patterns) {

    public static PublicPaths of(String... patterns) {
        return new PublicPaths(List.of(patterns));
    }
}
