package cn.sciday.platform;

/** Carries cache invalidations to the other instances (Redis pub/sub when Redis is configured; nothing otherwise). */
interface CacheBroadcast {

    CacheBroadcast NONE = message -> {
    };

    /** Sends one message to every instance (including, possibly, this one); never throws. */
    void publish(String message);
}
