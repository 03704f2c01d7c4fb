package cn.sciday.audit;

import java.util.List;

/** One page of search results, newest first; {@code page} counts from 1. */
public record AuditPage(List<AuditEntry> items, long total, int page, int size) {

    public int pages() {
        return (int) Math.max(1, (total + size - 1) / size);
    }

    public boolean hasPrevious() {
        return page > 1;
    }

    public boolean hasNext() {
        return (long) page * size < total;
    }
}
