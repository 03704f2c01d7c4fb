package cn.sciday.activity;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.sciday.campaign.Campaign;
import cn.sciday.campaign.CampaignManagement;
import cn.sciday.organization.OrganizationStatus;
import cn.sciday.organization.OrganizationView;
import cn.sciday.organization.Organizations;
import cn.sciday.web.Actor;
import cn.sciday.web.NotFoundException;
import cn.sciday.web.Role;

/**
 * Read facade for other modules (reporting: summary tables, compliance lists): information completion of activities
 * and the state of summaries. These methods do NOT scope by viewer: the caller shows only what its viewer may see.
 * Names are stable.
 */
@Service
public class Completions {

    private final CompletionRepository repo;
    private final CompletionCalculator calculator;
    private final SummaryManagement summaries;
    private final CampaignManagement campaigns;
    private final Organizations organizations;

    Completions(CompletionRepository repo, CompletionCalculator calculator, SummaryManagement summaries,
            CampaignManagement campaigns, Organizations organizations) {
        this.repo = repo;
        this.calculator = calculator;
        this.summaries = summaries;
        this.campaigns = campaigns;
        this.organizations = organizations;
    }

    /** One activity's completion: photos, news and video links, actual participants, score, late. 404 if unknown. */
    @Transactional(readOnly = true)
    public ActivityCompletion completionOf(long activityId) {
        return repo.facts(activityId).map(f -> calculator.scope().completion(f))
                .orElseThrow(() -> new NotFoundException("activity " + activityId));
    }

    /** The completion of several activities at once, by id (unknown ids are left out). */
    @Transactional(readOnly = true)
    public Map<Long, ActivityCompletion> completionsOf(Collection<Long> activityIds) {
        CompletionCalculator.Scope scope = calculator.scope();
        Map<Long, ActivityCompletion> all = new HashMap<>();
        repo.facts(List.copyOf(activityIds)).forEach((id, f) -> all.put(id, scope.completion(f)));
        return all;
    }

    /** The media file id of each activity's first photo, for those of these activities that have photos. */
    @Transactional(readOnly = true)
    public Map<Long, Long> firstPhotoFileIds(Collection<Long> activityIds) {
        return repo.firstPhotoFiles(List.copyOf(activityIds));
    }

    /**
     * Completion totals of an organization's published activities in the current campaign: a unit's own; a division's
     * or department's own and its units'; the city's: everything.
     */
    @Transactional(readOnly = true)
    public CompletionTotals totalsOf(long organizationId) {
        OrganizationView o = organizations.get(organizationId);
        Campaign c = campaigns.requireCurrent();
        List<Long> ids = null;
        if (o.isUnit()) {
            ids = List.of(o.id());
        } else if (o.isCoordinatingBody()) {
            ids = new ArrayList<>();
            ids.add(o.id());
            for (OrganizationView u : organizations.unitsVisibleTo(coordinatorOf(o), null)) {
                ids.add(u.id());
            }
        }
        return calculator.scope().totals(o.id(), o.name(), o.parentId(), o.parentName(), repo.published(c.id(), ids));
    }

    /** The state of an organization's (unit's, division's or department's) summary of one kind. */
    @Transactional(readOnly = true)
    public SummaryState summaryStatus(long organizationId, SummaryKind kind) {
        return summaries.state(organizationId, kind);
    }

    /** The states of one kind of summary of every division and department, then every approved unit. */
    @Transactional(readOnly = true)
    public List<SummaryState> summaryStatuses(SummaryKind kind) {
        List<OrganizationView> orgs = new ArrayList<>(organizations.coordinatingBodies());
        orgs.addAll(organizations.unitsVisibleTo(cityActor(), OrganizationStatus.APPROVED));
        return summaries.allStates(kind, orgs);
    }

    private Actor coordinatorOf(OrganizationView body) {
        return new Actor(0, "system", "system", Role.COORDINATOR, body.id(), true);
    }

    private Actor cityActor() {
        return new Actor(0, "system", "system", Role.CITY_ADMIN, organizations.city().id(), true);
    }
}
