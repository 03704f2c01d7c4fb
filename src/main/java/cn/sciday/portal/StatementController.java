package cn.sciday.portal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The accessibility and security statement (无障碍声明、安全说明): what is checked and how, and how personal data is
 * protected and when it is deleted. Figures that depend on configuration (retention) are read from it; the list of
 * pages checked with axe-core is {@code statement/accessibility-pages.txt}, which a test keeps equal to the pages the
 * browser tests really check.
 */
@Controller
class StatementController {

    static final String PAGES = "statement/accessibility-pages.txt";

    /** One line of the list: the page group in Chinese and in English, and the browser test that checks it. */
    record CheckedPages(String zh, String en, String test) {

        public String name(java.util.Locale locale) {
            return "zh".equals(locale.getLanguage()) ? zh : en;
        }
    }

    private final List<CheckedPages> pages;
    private final int retentionDays;

    StatementController(@Value("${sciday.privacy.retention-days:90}") int retentionDays) {
        this.retentionDays = retentionDays;
        this.pages = readPages();
    }

    @GetMapping("/statement")
    String statement(Model model) {
        model.addAttribute("pages", pages);
        model.addAttribute("retentionDays", retentionDays);
        return "portal/statement";
    }

    static List<CheckedPages> readPages() {
        try {
            String text = new ClassPathResource(PAGES).getContentAsString(StandardCharsets.UTF_8);
            return Arrays.stream(text.split("\n")).map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).map(l -> l.split("\\s*\\|\\s*"))
                    .map(p -> new CheckedPages(p[0], p[1], p[2])).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + PAGES, e);
        }
    }
}
