package cn.sciday.online;

import java.util.List;

/** What is live now and what comes next, for the live page and the home page. */
public record LiveStreamsNow(List<LiveStream> live, List<LiveStream> next) {

    public boolean isEmpty() {
        return live.isEmpty() && next.isEmpty();
    }
}
