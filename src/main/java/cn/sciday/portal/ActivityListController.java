package cn.sciday.portal;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;

/**
 * The activity list with its filters. One URL serves the whole page (a plain GET form: it works without JavaScript)
 * or, for htmx, only the results ({@code portal/activities :: results}) with the count swapped out of band.
 */
@Controller
class ActivityListController {

    private final ActivityFinder finder;
    private final PortalPages pages;

    ActivityListController(ActivityFinder finder, PortalPages pages) {
        this.finder = finder;
        this.pages = pages;
    }

    @GetMapping("/activities")
    String list(@RequestParam MultiValueMap<String, String> params, HtmxRequest htmx, Model model,
            HttpServletResponse response) {
        ListQuery query = ListQuery.parse(params, pages.today());
        model.addAttribute("query", query);
        model.addAttribute("found", finder.find(query));
        PortalPages.varyOnHtmx(response);
        if (htmx.isHtmxRequest() && !htmx.isHistoryRestoreRequest()) {
            model.addAttribute("fragment", true);
            return "portal/activities :: results";
        }
        pages.choices(model);
        return "portal/activities";
    }
}
