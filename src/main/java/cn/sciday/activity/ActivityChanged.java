package cn.sciday.activity;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A published activity's time, place, format, online address or capacity changed. {@code fieldsChanged} names the
 * fields ({@code startsAt}, {@code endsAt}, {@code format}, {@code division}, {@code venue}, {@code onlineUrl},
 * {@code capacity}); {@code before} and {@code after} hold their values as shown to people (Beijing time, names).
 * Registrants should be told.
 */
public record ActivityChanged(long activityId, String name, long organizationId, long actorId, String actorName,
        Instant at, List<String> fieldsChanged, Map<String, String> before, Map<String, String> after)
        implements ActivityEvent {

    public ActivityChanged {
        fieldsChanged = List.copyOf(fieldsChanged);
        before = Collections.unmodifiableMap(new LinkedHashMap<>(before));
        after = Collections.unmodifiableMap(new LinkedHashMap<>(after));
    }
}
