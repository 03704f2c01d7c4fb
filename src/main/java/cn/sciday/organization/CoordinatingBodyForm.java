package cn.sciday.organization;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A division or department as the city admin types it: aliases (other names it goes by, such as 江海区政府) are
 * separated by 、 or commas. {@code kind} is asked only when creating.
 */
record CoordinatingBodyForm(
        OrganizationKind kind,
        @NotBlank(message = "{orgadmin.form.name.required}")
        @Size(max = 100, message = "{orgadmin.form.name.size}") String name,
        @Size(max = 150, message = "{orgadmin.form.fullName.size}") String fullName,
        @Size(max = 500, message = "{orgadmin.form.aliases.size}") String aliases) {

    static CoordinatingBodyForm of(CoordinatingBodyOverview o) {
        return new CoordinatingBodyForm(o.kind(), o.name(), o.fullName(), String.join("、", o.aliases()));
    }

    List<String> aliasList() {
        return CoordinatingBodyOverviews.splitAliases(aliases);
    }
}
