package cn.sciday.activity;

import java.util.List;

import cn.sciday.media.StoredFile;

/**
 * A summary as its page shows it: its state, text and attachments (read through {@code /media/{id}}), who submitted
 * and accepted it, and what the viewer may do: resubmit ({@code mayEdit}: the organization itself, until accepted)
 * or accept ({@code mayAccept}: the unit's 归口, or the city).
 */
public record SummaryView(SummaryState state, String body, List<StoredFile> files, String submittedByName,
        String acceptedByName, boolean mayEdit, boolean mayAccept) {
}
