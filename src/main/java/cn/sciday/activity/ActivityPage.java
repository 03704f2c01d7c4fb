package cn.sciday.activity;

import java.util.List;

/** One page of a list and how many rows match in all. */
public record ActivityPage<T>(List<T> items, long total, int page, int size) {

    public boolean hasNext() {
        return (long) (page + 1) * size < total;
    }

    public boolean hasPrevious() {
        return page > 0;
    }
}
