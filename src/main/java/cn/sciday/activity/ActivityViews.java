package cn.sciday.activity;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import cn.sciday.campaign.Campaign;
import cn.sciday.campaign.CampaignManagement;
import cn.sciday.campaign.ContentTheme;
import cn.sciday.campaign.JointAction;
import cn.sciday.organization.OrganizationView;
import cn.sciday.organization.Organizations;
import cn.sciday.web.Actor;
import cn.sciday.web.PersonalData;

/** Turns aggregates into the views staff and the public see: names resolved, actions the viewer may take. */
@Component
class ActivityViews {

    private final Organizations organizations;
    private final CampaignManagement campaigns;

    ActivityViews(Organizations organizations, CampaignManagement campaigns) {
        this.organizations = organizations;
        this.campaigns = campaigns;
    }

    Names names() {
        return new Names();
    }

    static Set<ActivityAction> actions(Actor actor, Activity a) {
        Set<ActivityAction> allowed = EnumSet.noneOf(ActivityAction.class);
        for (ActivityAction action : ActivityAction.values()) {
            if (ActivityPolicy.mayAttempt(actor, action, a.organizationId(), a.reviewLevel()) && a.allows(action)
                    && !(action == ActivityAction.RETURN && !actor.isCityAdmin()
                            && a.status() == ActivityStatus.ENDORSED)) {
                allowed.add(action);
            }
        }
        return allowed;
    }

    ActivityView view(Actor actor, Activity a, Names names) {
        ActivityDetails d = a.details();
        Campaign c = names.campaign(a.campaignId());
        OrganizationView org = names.org(a.organizationId());
        String coordinator = org.isUnit() && org.parentName() != null ? org.parentName() : names.cityName();
        String reviewer = switch (a.status()) {
            case SUBMITTED -> a.reviewLevel() == ReviewLevel.COORDINATOR ? coordinator : names.cityName();
            case ENDORSED -> names.cityName();
            default -> null;
        };
        return new ActivityView(a.id(), d.name(), a.status(), a.reviewLevel(), d.jointAction(),
                jointActionName(c, d.jointAction()), d.themes(), themeTitles(c, d.themes()), a.organizationId(),
                org.name(), coordinator, reviewer, d.coOrganizers(), d.format(), local(d.startsAt()),
                local(d.endsAt()), d.divisionId(), d.divisionId() == null ? null : names.org(d.divisionId()).name(),
                d.venue(), d.onlineUrl(), d.audiences(), d.expectedParticipants(), d.signupOpen(), d.capacity(),
                d.keyActivity(), d.summary(), d.description(), d.contactName(), d.contactPhone(), a.late(),
                beijing(a.submittedAt()), beijing(a.publishedAt()), a.returnReason(), a.cancelReason(),
                a.status().isPublic() ? c.brandLabel() : null, a.campaignId(), beijing(a.createdAt()),
                beijing(a.updatedAt()), actions(actor, a), a.epidemicPlanFileId(), a.intentionScanFileId());
    }

    PublicActivity publicView(Activity a, Names names) {
        ActivityDetails d = a.details();
        Campaign c = names.campaign(a.campaignId());
        return new PublicActivity(a.id(), d.name(), a.status(), d.jointAction(), jointActionName(c, d.jointAction()),
                d.themes(), themeTitles(c, d.themes()), names.org(a.organizationId()).name(), d.coOrganizers(),
                d.format(), local(d.startsAt()), local(d.endsAt()), d.divisionId(),
                d.divisionId() == null ? null : names.org(d.divisionId()).name(), d.venue(), d.onlineUrl(),
                d.audiences(), d.signupOpen(), d.capacity(), d.summary(), d.description(), a.cancelReason(),
                c.brandLabel(), maskName(d.contactName()), maskPhone(d.contactPhone()));
    }

    /** 梁老师 → 梁**: the first character only. */
    static String maskName(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        String n = name.strip();
        return n.substring(0, n.offsetByCodePoints(0, 1)) + "**";
    }

    /** A mobile as 138****5678, any other number with its last four digits hidden (0750-386****). */
    static String maskPhone(String phone) {
        if (phone == null || phone.isBlank()) {
            return null;
        }
        String normalized = PersonalData.normalizeMobile(phone);
        if (PersonalData.isMobile(normalized)) {
            return PersonalData.maskMobile(normalized);
        }
        char[] chars = phone.strip().toCharArray();
        int hidden = 0;
        for (int i = chars.length - 1; i >= 0 && hidden < 4; i--) {
            if (Character.isDigit(chars[i])) {
                chars[i] = '*';
                hidden++;
            }
        }
        return new String(chars);
    }

    private static String jointActionName(Campaign c, Integer number) {
        return number == null ? null : c.jointAction(number).map(JointAction::name).orElse(null);
    }

    private static List<String> themeTitles(Campaign c, List<Integer> numbers) {
        return numbers.stream().map(n -> c.contentTheme(n).map(ContentTheme::title).orElse(String.valueOf(n)))
                .toList();
    }

    private static LocalDateTime local(Instant t) {
        return t == null ? null : LocalDateTime.ofInstant(t, Campaign.ZONE);
    }

    static OffsetDateTime beijing(Instant t) {
        return t == null ? null : t.atZone(Campaign.ZONE).toOffsetDateTime();
    }

    /** Names and campaigns looked up once per call. */
    final class Names {

        private final Map<Long, OrganizationView> orgs = new HashMap<>();
        private final Map<Long, Campaign> campaignsById = new HashMap<>();
        private String city;

        OrganizationView org(long id) {
            return orgs.computeIfAbsent(id, organizations::get);
        }

        Campaign campaign(long id) {
            return campaignsById.computeIfAbsent(id, campaigns::get);
        }

        String cityName() {
            if (city == null) {
                city = organizations.city().name();
            }
            return city;
        }
    }
}
