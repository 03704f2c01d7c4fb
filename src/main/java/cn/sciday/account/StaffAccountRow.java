package cn.sciday.account;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Map;

/** A staff account on the city admin's list: with its organization's name and its last login in Beijing time (+08:00). */
record StaffAccountRow(long id, String username, String displayName, String email, String role,
        Long organizationId, String organizationName, boolean enabled, boolean locked, OffsetDateTime lastLogin) {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    static StaffAccountRow of(StaffAccount a, Map<Long, String> organizationNames) {
        return new StaffAccountRow(a.id(), a.username(), a.displayName(), a.email(), a.role().name(),
                a.organizationId(), a.organizationId() == null ? null : organizationNames.get(a.organizationId()),
                a.enabled(), a.locked(), a.lastLoginAt() == null ? null : a.lastLoginAt().atZone(ZONE).toOffsetDateTime());
    }
}
