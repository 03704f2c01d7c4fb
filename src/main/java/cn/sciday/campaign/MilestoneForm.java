package cn.sciday.campaign;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;

/** A milestone's new due date. */
record MilestoneForm(
        @NotNull(message = "{campaignadmin.milestone.dueOn.required}") @DateTimeFormat(iso = ISO.DATE)
        LocalDate dueOn) {
}
