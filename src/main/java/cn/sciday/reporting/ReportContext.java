package cn.sciday.reporting;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import cn.sciday.campaign.Campaign;
import cn.sciday.campaign.CampaignManagement;
import cn.sciday.organization.OrganizationView;
import cn.sciday.organization.Organizations;
import cn.sciday.web.Actor;
import cn.sciday.web.NotFoundException;

/**
 * What every report needs: the current campaign, today in Beijing, the completion facts (or none), and the scope an
 * actor may report on. Asking for an organization outside the actor's scope is not found (404), never forbidden.
 */
@Component
class ReportContext {

    private final CampaignManagement campaigns;
    private final Organizations organizations;
    private final ObjectProvider<CompletionFacts> facts;
    private final Clock clock;

    ReportContext(CampaignManagement campaigns, Organizations organizations, ObjectProvider<CompletionFacts> facts,
            Clock clock) {
        this.campaigns = campaigns;
        this.organizations = organizations;
        this.facts = facts;
        this.clock = clock;
    }

    Campaign campaign() {
        return campaigns.requireCurrent();
    }

    Optional<Campaign> currentCampaign() {
        return campaigns.current();
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(Campaign.ZONE));
    }

    Clock clock() {
        return clock;
    }

    CompletionFacts facts() {
        return facts.getIfAvailable(() -> CompletionFacts.NONE);
    }

    Map<Long, CompletionFacts.ActivityCompletion> completion(Collection<Long> ids) {
        return ids.isEmpty() ? Map.of() : facts().activities(ids);
    }

    Organizations organizations() {
        return organizations;
    }

    /**
     * The scope of a report for the actor: without {@code organizationId} the actor's whole scope (the city, a
     * coordinator's 归口, an organizer's unit); with it, that organization if the actor may see it (a division or
     * department with its units, or one unit), else 404.
     */
    ReportScope scope(Actor actor, Long organizationId) {
        if (organizationId == null) {
            return own(actor);
        }
        OrganizationView o = organizations.find(organizationId).orElseThrow(() -> notFound(organizationId));
        if (!organizations.canSee(actor, o.id())) {
            throw notFound(organizationId);
        }
        return switch (o.kind()) {
            case CITY -> ReportScope.city(o.fullName());
            case DIVISION, DEPARTMENT -> ReportScope.body(o.id(), o.name());
            case UNIT -> ReportScope.organization(o.id(), o.name());
        };
    }

    ReportScope own(Actor actor) {
        if (actor.isCityAdmin()) {
            return ReportScope.city(organizations.city().fullName());
        }
        OrganizationView o = Optional.ofNullable(actor.organizationId()).flatMap(organizations::find)
                .orElseThrow(() -> new NotFoundException("organization of " + actor.username()));
        return actor.isCoordinator() ? ReportScope.body(o.id(), o.name()) : ReportScope.organization(o.id(), o.name());
    }

    private static NotFoundException notFound(long id) {
        return new NotFoundException("organization " + id);
    }
}
