package cn.sciday.activity;

import java.time.LocalDateTime;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * What may still change after publication: time, place (division and venue), format, online address and capacity.
 * Every change is logged with its values before and after, and registrants are told.
 */
public record ActivityChangeForm(
        @NotNull(message = "{activity.format.required}") ActivityFormat format,
        @NotNull(message = "{activity.startsAt.required}")
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime startsAt,
        @NotNull(message = "{activity.endsAt.required}")
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime endsAt,
        Long divisionId,
        @Size(max = 200, message = "{activity.venue.size}") String venue,
        @Size(max = 500, message = "{activity.onlineUrl.size}") String onlineUrl,
        @Min(value = 1, message = "{activity.capacity.min}")
        @Max(value = 1_000_000, message = "{activity.capacity.max}") Integer capacity) {
}
