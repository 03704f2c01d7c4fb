package cn.sciday.activity;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * What an organizer fills in to propose an activity (意向征集表). Times are Beijing time. Checks that need the
 * campaign (joint action, themes, period) or several fields (venue for offline activities, capacity for sign-up)
 * are made by {@link Activities} and answer field problems too.
 */
public record ActivityForm(
        @NotBlank(message = "{activity.name.required}")
        @Size(max = 100, message = "{activity.name.size}") String name,
        Integer jointAction,
        @NotEmpty(message = "{activity.themes.required}") List<Integer> themes,
        @Size(max = 300, message = "{activity.coOrganizers.size}") String coOrganizers,
        @NotNull(message = "{activity.format.required}") ActivityFormat format,
        @NotNull(message = "{activity.startsAt.required}")
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime startsAt,
        @NotNull(message = "{activity.endsAt.required}")
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime endsAt,
        Long divisionId,
        @Size(max = 200, message = "{activity.venue.size}") String venue,
        @Size(max = 500, message = "{activity.onlineUrl.size}") String onlineUrl,
        @NotEmpty(message = "{activity.audiences.required}") Set<Audience> audiences,
        @NotNull(message = "{activity.expectedParticipants.required}")
        @Min(value = 1, message = "{activity.expectedParticipants.min}")
        @Max(value = 10_000_000, message = "{activity.expectedParticipants.max}") Integer expectedParticipants,
        Boolean signupOpen,
        @Min(value = 1, message = "{activity.capacity.min}")
        @Max(value = 1_000_000, message = "{activity.capacity.max}") Integer capacity,
        Boolean keyActivity,
        @NotBlank(message = "{activity.summary.required}")
        @Size(max = 200, message = "{activity.summary.size}") String summary,
        @NotBlank(message = "{activity.description.required}")
        @Size(max = 5000, message = "{activity.description.size}") String description,
        @NotBlank(message = "{activity.contactName.required}")
        @Size(max = 50, message = "{activity.contactName.size}") String contactName,
        @NotBlank(message = "{activity.contactPhone.required}")
        @Pattern(regexp = "^[0-9０-９()（）+\\- ]{7,20}$", message = "{activity.contactPhone.invalid}")
        String contactPhone) {

    /** The fields in the order of the form, so that problems are listed as a person reads the form. */
    public static final List<String> FIELDS = List.of("name", "jointAction", "themes", "coOrganizers", "format",
            "startsAt", "endsAt", "divisionId", "venue", "onlineUrl", "audiences", "expectedParticipants",
            "signupOpen", "capacity", "keyActivity", "summary", "description", "contactName", "contactPhone");

    /** An empty form for a new activity: sign-up closed, not applying to be a key activity. */
    public static ActivityForm empty() {
        return new ActivityForm(null, null, List.of(), null, null, null, null, null, null, null, Set.of(), null,
                false, null, false, null, null, null, null);
    }

    public boolean signupOpenChosen() {
        return Boolean.TRUE.equals(signupOpen);
    }

    public boolean keyActivityChosen() {
        return Boolean.TRUE.equals(keyActivity);
    }
}
