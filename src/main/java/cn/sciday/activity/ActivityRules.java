package cn.sciday.activity;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.springframework.stereotype.Component;

import cn.sciday.campaign.Campaign;
import cn.sciday.organization.OrganizationView;
import cn.sciday.web.InvalidInputException;
import cn.sciday.web.InvalidInputException.Problem;

/**
 * Checks a proposal as a whole: the form's own constraints, then what needs the campaign or several fields (joint
 * action and themes of the campaign, the period, division and venue for offline activities, the web address,
 * capacity when sign-up is open). Every problem names the field and says what is wrong.
 */
@Component
class ActivityRules {

    private final Validator validator;
    private final ActivityMessages messages;

    ActivityRules(Validator validator, ActivityMessages messages) {
        this.validator = validator;
        this.messages = messages;
    }

    ActivityDetails check(ActivityForm f, Campaign campaign, List<OrganizationView> divisions) {
        List<Problem> problems = constraints(validator.validate(f));
        if (f.jointAction() != null && f.jointAction() != 0 && campaign.jointAction(f.jointAction()).isEmpty()) {
            problems.add(problem("jointAction", "activity.jointAction.unknown", f.jointAction()));
        }
        if (f.themes() != null) {
            for (Integer theme : f.themes()) {
                if (theme == null || campaign.contentTheme(theme).isEmpty()) {
                    problems.add(problem("themes", "activity.themes.unknown", String.valueOf(theme)));
                }
            }
        }
        checkPeriod(problems, campaign, f.startsAt(), f.endsAt());
        checkPlace(problems, f.format(), f.divisionId(), f.venue(), divisions);
        checkUrl(problems, f.onlineUrl());
        boolean signup = f.signupOpenChosen();
        if (signup && f.capacity() == null) {
            problems.add(problem("capacity", "activity.capacity.required"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new ActivityDetails(f.name().strip(),
                f.jointAction() == null || f.jointAction() == 0 ? null : f.jointAction(), f.themes(),
                blankToNull(f.coOrganizers()), f.format(), beijing(f.startsAt()), beijing(f.endsAt()),
                f.divisionId(), blankToNull(f.venue()), blankToNull(f.onlineUrl()), List.copyOf(f.audiences()),
                f.expectedParticipants(), signup, signup ? f.capacity() : null, f.keyActivityChosen(),
                f.summary().strip(), f.description().strip(), f.contactName().strip(), f.contactPhone().strip());
    }

    /** The current details with the changeable fields from {@code f}, checked as at publication. */
    ActivityDetails checkChange(ActivityChangeForm f, Campaign campaign, ActivityDetails current,
            List<OrganizationView> divisions) {
        List<Problem> problems = constraints(validator.validate(f));
        checkPeriod(problems, campaign, f.startsAt(), f.endsAt());
        checkPlace(problems, f.format(), f.divisionId(), f.venue(), divisions);
        checkUrl(problems, f.onlineUrl());
        if (f.format() != null && f.format().hasOnlinePart() && blankToNull(f.onlineUrl()) == null) {
            problems.add(problem("onlineUrl", "activity.onlineUrl.requiredPublished"));
        }
        if (current.signupOpen() && f.capacity() == null) {
            problems.add(problem("capacity", "activity.capacity.required"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        ActivityDetails changed = new ActivityDetails(current.name(), current.jointAction(), current.themes(),
                current.coOrganizers(), f.format(), beijing(f.startsAt()), beijing(f.endsAt()), f.divisionId(),
                blankToNull(f.venue()), blankToNull(f.onlineUrl()), current.audiences(),
                current.expectedParticipants(), current.signupOpen(), current.signupOpen() ? f.capacity() : null,
                current.keyActivity(), current.summary(), current.description(), current.contactName(),
                current.contactPhone());
        return current.withChangeable(changed);
    }

    private void checkPeriod(List<Problem> problems, Campaign c, LocalDateTime start, LocalDateTime end) {
        String period = periodText(c);
        if (start != null && !c.covers(start.toLocalDate())) {
            problems.add(problem("startsAt", "activity.startsAt.outsidePeriod", period));
        }
        if (end != null && !c.covers(end.toLocalDate())) {
            problems.add(problem("endsAt", "activity.endsAt.outsidePeriod", period));
        }
        if (start != null && end != null && !end.isAfter(start)) {
            problems.add(problem("endsAt", "activity.endsAt.beforeStart"));
        }
    }

    private void checkPlace(List<Problem> problems, ActivityFormat format, Long divisionId, String venue,
            List<OrganizationView> divisions) {
        if (divisionId != null && divisions.stream().noneMatch(d -> d.id() == divisionId)) {
            problems.add(problem("divisionId", "activity.divisionId.unknown"));
        }
        if (format != null && format.hasOfflinePart()) {
            if (divisionId == null) {
                problems.add(problem("divisionId", "activity.divisionId.required"));
            }
            if (blankToNull(venue) == null) {
                problems.add(problem("venue", "activity.venue.required"));
            }
        }
    }

    private void checkUrl(List<Problem> problems, String url) {
        if (blankToNull(url) != null && !isWebAddress(url.strip())) {
            problems.add(problem("onlineUrl", "activity.onlineUrl.invalid"));
        }
    }

    static boolean isWebAddress(String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null
                    && !uri.getHost().isBlank();
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private String periodText(Campaign c) {
        DateTimeFormatter f = DateTimeFormatter.ofPattern(messages.get("activity.date.pattern"),
                ActivityMessages.locale());
        return f.format(c.startsOn()) + " – " + f.format(c.endsOn());
    }

    private List<Problem> constraints(Set<? extends ConstraintViolation<?>> violations) {
        List<Problem> problems = new ArrayList<>();
        violations.stream()
                .sorted(Comparator.comparing(v -> ActivityForm.FIELDS.indexOf(v.getPropertyPath().toString())))
                .forEach(v -> problems.add(constraintProblem(v)));
        return problems;
    }

    /** By the bundle key of the constraint's message ({@code {activity.name.required}}), shown when read. */
    private static Problem constraintProblem(ConstraintViolation<?> v) {
        String field = v.getPropertyPath().toString();
        String template = v.getMessageTemplate();
        return template.matches("\\{[\\w.]+}") ? new Problem(field, template.substring(1, template.length() - 1))
                : new Problem(field, v.getMessage());
    }

    private Problem problem(String field, String key, Object... args) {
        return new Problem(field, key, args);
    }

    private static Instant beijing(LocalDateTime t) {
        return t.atZone(Campaign.ZONE).toInstant();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
