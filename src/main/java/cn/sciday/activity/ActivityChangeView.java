package cn.sciday.activity;

import java.time.OffsetDateTime;

/** A change after publication: the field, its values before and after, who and when. */
public record ActivityChangeView(String field, String before, String after, long actorId, String actorName,
        OffsetDateTime at) {
}
