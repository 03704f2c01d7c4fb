package cn.sciday.campaign;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** The year a campaign is copied to. */
record CloneForm(
        @NotNull(message = "{campaignadmin.clone.year.required}")
        @Min(value = 2000, message = "{campaignadmin.clone.year.range}")
        @Max(value = 2100, message = "{campaignadmin.clone.year.range}") Integer year) {
}
