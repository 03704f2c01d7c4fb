package cn.sciday.campaign;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.sciday.web.ConflictException;
import cn.sciday.web.NotFoundException;

/** The campaign module's facade: read the plan, edit it, clone it to a new year, load plan files. */
@Service
public class CampaignManagement {

    private final CampaignRepository campaigns;
    private final ApplicationEventPublisher events;

    CampaignManagement(CampaignRepository campaigns, ApplicationEventPublisher events) {
        this.campaigns = campaigns;
        this.events = events;
    }

    /** The campaign the city is running now (the active one of the latest year). */
    @Transactional(readOnly = true)
    public Optional<Campaign> current() {
        return campaigns.findCurrent();
    }

    /** The current campaign, or 404 when the database holds none. */
    @Transactional(readOnly = true)
    public Campaign requireCurrent() {
        return campaigns.findCurrent().orElseThrow(() -> new NotFoundException("no campaign"));
    }

    @Transactional(readOnly = true)
    public Campaign get(long id) {
        return campaigns.findById(id).orElseThrow(() -> new NotFoundException("campaign " + id));
    }

    @Transactional(readOnly = true)
    public List<Campaign> all() {
        return campaigns.findAll();
    }

    @Transactional
    public Campaign edit(long id, CampaignDetails details) {
        Campaign c = get(id);
        c.edit(details);
        return saved(campaigns.update(c), "EDITED", details.title());
    }

    @Transactional
    public Campaign editJointAction(long id, int number, String name, String description, List<String> leadUnits) {
        Campaign c = get(id);
        c.editJointAction(number, name, description, leadUnits);
        return saved(campaigns.update(c), "JOINT_ACTION_EDITED", number + " " + name);
    }

    @Transactional
    public Campaign moveMilestone(long id, MilestoneKind kind, LocalDate dueOn) {
        Campaign c = get(id);
        c.moveMilestone(kind, dueOn);
        return saved(campaigns.update(c), "MILESTONE_MOVED", kind + " " + dueOn);
    }

    /** Copies a campaign to a later year as a draft; dates move on by the difference in years. */
    @Transactional
    public Campaign cloneToYear(long id, int year) {
        Campaign source = get(id);
        Campaign copy = source.cloneToYear(year);
        if (campaigns.existsForYear(source.city(), year) || campaigns.findByPlanKey(copy.planKey()).isPresent()) {
            throw new ConflictException("campaign.error.yearExists", source.city(), year);
        }
        return saved(campaigns.insert(copy), "CLONED", "from " + source.year());
    }

    /** Makes a draft the current campaign; the previously active one of the city is closed. */
    @Transactional
    public Campaign activate(long id) {
        Campaign c = get(id);
        c.activate();
        for (Campaign other : campaigns.findAll()) {
            if (other.status() == CampaignStatus.ACTIVE && other.city().equals(c.city())) {
                other.close();
                saved(campaigns.update(other), "CLOSED", "superseded by " + c.year());
            }
        }
        return saved(campaigns.update(c), "ACTIVATED", "");
    }

    /**
     * Loads a plan file into an empty slot: a campaign with the same key already present is left as it is,
     * so loading twice changes nothing. A broken file throws {@link PlanFileException}.
     */
    @Transactional
    public Campaign load(Resource planFile) {
        Campaign plan = PlanFileReader.read(planFile);
        Optional<Campaign> existing = campaigns.findByPlanKey(plan.planKey());
        if (existing.isPresent()) {
            return existing.get();
        }
        return saved(campaigns.insert(plan), "LOADED", plan.planKey());
    }

    private Campaign saved(Campaign c, String change, String detail) {
        events.publishEvent(new CampaignChanged(c.id(), c.year(), change, detail));
        return c;
    }
}
