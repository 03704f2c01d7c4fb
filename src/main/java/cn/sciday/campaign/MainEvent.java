package cn.sciday.campaign;

import java.time.LocalDate;
import java.util.List;

/** The city's main-venue event (主场活动) with its lead units. */
public record MainEvent(String name, LocalDate date, String venue, String description, List<String> leadUnits) {

    public MainEvent {
        leadUnits = List.copyOf(leadUnits);
    }
}
