package cn.sciday.online;

/** A live stream was added, edited or removed: pages that list streams (the home page) must show it. */
public record LiveStreamsChanged(long streamId) {
}
