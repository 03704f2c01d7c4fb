package cn.sciday.portal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import cn.sciday.activity.PublicSearch;
import cn.sciday.campaign.Campaign;

/**
 * The home page: the campaign's theme, period and brand label, the main-venue event, counts, what is on today and
 * for the rest of this week, the cloud activities with the live streams on air and the next ones, the next deadline
 * and the latest notices.
 */
@Controller
class HomeController {

    static final int TODAY_SHOWN = 6;
    static final int WEEK_SHOWN = 6;
    static final int NOTICES_SHOWN = 3;
    static final int STREAMS_NEXT = 3;

    private final PublicCatalog catalog;
    private final PortalPages pages;

    HomeController(PublicCatalog catalog, PortalPages pages) {
        this.catalog = catalog;
        this.pages = pages;
    }

    @GetMapping("/")
    String home(Model model) {
        Campaign campaign = pages.campaign();
        LocalDate today = pages.today();
        LocalDate sunday = today.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
        model.addAttribute("campaign", campaign);
        model.addAttribute("today", today);
        model.addAttribute("sunday", sunday);
        model.addAttribute("stats", catalog.statistics());
        model.addAttribute("divisionCount", catalog.divisions().size());
        model.addAttribute("onToday", catalog.search(between(today, today, TODAY_SHOWN)));
        model.addAttribute("thisWeek", today.equals(sunday) ? null
                : catalog.search(between(today.plusDays(1), sunday, WEEK_SHOWN)));
        model.addAttribute("nextMilestone", campaign.milestones().stream()
                .filter(m -> !m.dueOn().isBefore(today)).findFirst().orElse(null));
        model.addAttribute("notices", catalog.notices().stream().limit(NOTICES_SHOWN).toList());
        model.addAttribute("streams", catalog.streams(pages.minute()));
        return "portal/home";
    }

    private static PublicSearch between(LocalDate from, LocalDate to, int size) {
        return new PublicSearch(null, null, null, null, null, from, to, null, PublicSearch.Sort.START, 0, size);
    }
}
