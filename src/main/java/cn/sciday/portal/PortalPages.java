package cn.sciday.portal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import cn.sciday.activity.ActivityFormat;
import cn.sciday.activity.Audience;
import cn.sciday.campaign.Campaign;
import cn.sciday.web.NotFoundException;

/** What several portal pages need: today in Beijing, the campaign, the choice lists of the filters. */
@Component
class PortalPages {

    private final PublicCatalog catalog;
    private final Clock clock;

    PortalPages(PublicCatalog catalog, Clock clock) {
        this.catalog = catalog;
        this.clock = clock;
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(Campaign.ZONE));
    }

    /** Minutes since the epoch, now. */
    long minute() {
        return clock.millis() / 60_000;
    }

    LocalDateTime now() {
        return LocalDateTime.now(clock.withZone(Campaign.ZONE));
    }

    Campaign campaign() {
        return catalog.campaign().orElseThrow(() -> new NotFoundException("no campaign"));
    }

    /** The campaign, divisions, formats, audiences and orders for the filter form. */
    void choices(Model model) {
        model.addAttribute("campaign", campaign());
        model.addAttribute("divisions", catalog.divisions());
        model.addAttribute("formats", Arrays.asList(ActivityFormat.values()));
        model.addAttribute("audiences", Arrays.asList(Audience.values()));
        model.addAttribute("sorts", List.of(ListQuery.Sort.values()));
        model.addAttribute("today", today());
    }

    /** One URL answers a page or an htmx fragment: caches must key on htmx's header. */
    static void varyOnHtmx(HttpServletResponse response) {
        response.setHeader("Vary", "HX-Request");
    }
}
