package cn.sciday.web;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;

/** A browser's remembered choices: language and elderly mode (长者模式), each in a cookie of its own. */
public final class Preferences {

    public static final String LANGUAGE_COOKIE = "sciday-lang";
    public static final String ELDERLY_COOKIE = "sciday-elderly";

    private Preferences() {
    }

    /** True when this browser asked for elderly mode, on this request or earlier. */
    public static boolean elderly(HttpServletRequest request) {
        Object set = request.getAttribute(ELDERLY_COOKIE);
        if (set instanceof Boolean b) {
            return b;
        }
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie c : cookies) {
                if (ELDERLY_COOKIE.equals(c.getName())) {
                    return "on".equals(c.getValue());
                }
            }
        }
        return false;
    }
}
