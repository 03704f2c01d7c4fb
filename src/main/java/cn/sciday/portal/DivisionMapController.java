package cn.sciday.portal;

import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import cn.sciday.activity.PublicStatistics;
import cn.sciday.organization.OrganizationView;

/**
 * The map of the seven divisions: each region a link to the list filtered by it, showing its number of published
 * activities; the same numbers as a table.
 */
@Controller
class DivisionMapController {

    /** A division with its count, its outline (null when the map has none) and a shade by count (0–3). */
    record Region(OrganizationView division, long count, DivisionMap.Shape shape, int shade) {

        public String link() {
            return "/activities?division=" + division.id() + "&from=";
        }
    }

    private final PublicCatalog catalog;

    DivisionMapController(PublicCatalog catalog) {
        this.catalog = catalog;
    }

    @GetMapping("/activities/map")
    String map(Model model) {
        PublicStatistics stats = catalog.statistics();
        List<OrganizationView> divisions = catalog.divisions();
        long max = divisions.stream().mapToLong(d -> stats.inDivision(d.id())).max().orElse(0);
        List<Region> regions = divisions.stream()
                .map(d -> new Region(d, stats.inDivision(d.id()), DivisionMap.shape(d.name()).orElse(null),
                        shade(stats.inDivision(d.id()), max)))
                .toList();
        model.addAttribute("regions", regions);
        model.addAttribute("drawn", regions.stream().filter(r -> r.shape() != null).toList());
        model.addAttribute("stats", stats);
        model.addAttribute("viewBox", DivisionMap.VIEW_BOX);
        return "portal/map";
    }

    static int shade(long count, long max) {
        if (count == 0 || max == 0) {
            return 0;
        }
        return (int) Math.min(3, 1 + (count * 3 - 1) / max);
    }
}
