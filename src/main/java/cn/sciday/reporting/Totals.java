package cn.sciday.reporting;

import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;

import cn.sciday.activity.ActivityFormat;

/** Running totals of a summary table: activities by joint action and by format, participants, sign-ups, material. */
final class Totals {

    long activities;
    final Map<Integer, Long> byJointAction = new TreeMap<>();
    long withoutJointAction;
    final Map<ActivityFormat, Long> byFormat = new EnumMap<>(ActivityFormat.class);
    long expected;
    long actual;
    long signups;
    long checkins;
    long photos;
    long newsLinks;

    void add(ActivityRow row, CompletionFacts.ActivityCompletion c) {
        activities++;
        if (row.jointAction() == null) {
            withoutJointAction++;
        } else {
            byJointAction.merge(row.jointAction(), 1L, Long::sum);
        }
        byFormat.merge(row.format(), 1L, Long::sum);
        expected += row.expected();
        actual += c.actualParticipants() == null ? 0 : c.actualParticipants();
        signups += row.signups();
        checkins += row.checkins();
        photos += c.photos();
        newsLinks += c.newsLinks();
    }
}
