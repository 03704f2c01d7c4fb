package cn.sciday.activity;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** The checked, normalized content of an activity: what the aggregate holds. */
record ActivityDetails(String name, Integer jointAction, List<Integer> themes, String coOrganizers,
        ActivityFormat format, Instant startsAt, Instant endsAt, Long divisionId, String venue, String onlineUrl,
        List<Audience> audiences, int expectedParticipants, boolean signupOpen, Integer capacity,
        boolean keyActivity, String summary, String description, String contactName, String contactPhone) {

    ActivityDetails {
        themes = themes.stream().sorted().distinct().toList();
        audiences = audiences.stream().sorted().distinct().toList();
    }

    /** These details with the fields that may change after publication taken from {@code c}. */
    ActivityDetails withChangeable(ActivityDetails c) {
        return new ActivityDetails(name, jointAction, themes, coOrganizers, c.format, c.startsAt, c.endsAt,
                c.divisionId, c.venue, c.onlineUrl, audiences, expectedParticipants, signupOpen, c.capacity,
                keyActivity, summary, description, contactName, contactPhone);
    }

    /** The names of the fields that may not change after publication and differ in {@code other}. */
    List<String> lockedFieldsDifferentIn(ActivityDetails o) {
        java.util.ArrayList<String> fields = new java.util.ArrayList<>();
        diff(fields, "name", name, o.name);
        diff(fields, "jointAction", jointAction, o.jointAction);
        diff(fields, "themes", themes, o.themes);
        diff(fields, "coOrganizers", coOrganizers, o.coOrganizers);
        diff(fields, "audiences", audiences, o.audiences);
        diff(fields, "expectedParticipants", expectedParticipants, o.expectedParticipants);
        diff(fields, "signupOpen", signupOpen, o.signupOpen);
        diff(fields, "keyActivity", keyActivity, o.keyActivity);
        diff(fields, "summary", summary, o.summary);
        diff(fields, "description", description, o.description);
        diff(fields, "contactName", contactName, o.contactName);
        diff(fields, "contactPhone", contactPhone, o.contactPhone);
        return fields;
    }

    private static void diff(List<String> fields, String name, Object a, Object b) {
        if (!Objects.equals(a, b)) {
            fields.add(name);
        }
    }
}
