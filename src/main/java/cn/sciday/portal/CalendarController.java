package cn.sciday.portal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The calendar: a month grid (Monday first) with the number of published activities on each day, links to the
 * previous and next month, and the activities of the chosen day.
 */
@Controller
class CalendarController {

    /** One cell of the grid. */
    record Day(LocalDate date, boolean inMonth, int count, boolean today, boolean selected) {
    }

    private final PublicCatalog catalog;
    private final ActivityFinder finder;
    private final PortalPages pages;

    CalendarController(PublicCatalog catalog, ActivityFinder finder, PortalPages pages) {
        this.catalog = catalog;
        this.finder = finder;
        this.pages = pages;
    }

    @GetMapping("/activities/calendar")
    String calendar(@RequestParam(required = false) String month, @RequestParam(required = false) String day,
            Model model) {
        LocalDate today = pages.today();
        LocalDate chosen = parseDay(day);
        YearMonth ym = parseMonth(month);
        if (ym == null) {
            ym = chosen != null ? YearMonth.from(chosen) : YearMonth.from(today);
        }
        if (chosen == null || !YearMonth.from(chosen).equals(ym)) {
            chosen = YearMonth.from(today).equals(ym) ? today : ym.atDay(1);
        }
        Map<LocalDate, Integer> counts = catalog.days(ym);
        model.addAttribute("month", ym);
        model.addAttribute("previous", ym.minusMonths(1));
        model.addAttribute("next", ym.plusMonths(1));
        model.addAttribute("weeks", weeks(ym, counts, today, chosen));
        model.addAttribute("monthTotal", counts.values().stream().mapToInt(Integer::intValue).sum());
        model.addAttribute("daysWithActivities", counts.size());
        model.addAttribute("selected", chosen);
        LinkedMultiValueMap<String, String> dayParams = new LinkedMultiValueMap<>();
        dayParams.add("from", chosen.toString());
        dayParams.add("to", chosen.toString());
        ListQuery dayQuery = ListQuery.parse(dayParams, today);
        model.addAttribute("dayQuery", dayQuery);
        model.addAttribute("found", finder.find(dayQuery));
        model.addAttribute("today", today);
        return "portal/calendar";
    }

    static List<List<Day>> weeks(YearMonth ym, Map<LocalDate, Integer> counts, LocalDate today, LocalDate chosen) {
        LocalDate start = ym.atDay(1).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate end = ym.atEndOfMonth().with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
        List<List<Day>> weeks = new ArrayList<>();
        List<Day> week = new ArrayList<>();
        for (LocalDate d = start; !d.isAfter(end); d = d.plusDays(1)) {
            boolean in = YearMonth.from(d).equals(ym);
            week.add(new Day(d, in, in ? counts.getOrDefault(d, 0) : 0, d.equals(today), d.equals(chosen)));
            if (week.size() == 7) {
                weeks.add(week);
                week = new ArrayList<>();
            }
        }
        return weeks;
    }

    private static YearMonth parseMonth(String s) {
        try {
            YearMonth ym = s == null || s.isBlank() ? null : YearMonth.parse(s.strip());
            return ym == null || ym.getYear() < 2000 || ym.getYear() > 2100 ? null : ym;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static LocalDate parseDay(String s) {
        try {
            LocalDate d = s == null || s.isBlank() ? null : LocalDate.parse(s.strip());
            return d == null || d.getYear() < 2000 || d.getYear() > 2100 ? null : d;
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
