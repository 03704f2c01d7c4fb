package cn.sciday.online;

/** Events within the module that the Redis like counters follow after the commit. */
final class LikeEvents {

    private LikeEvents() {
    }

    /** A like was recorded (its target's count went up). */
    record Counted(LikeTarget target, long targetId) {
    }

    /**
     * A target's place in the rankings changed in a way counting up does not cover: it was approved (it joins the
     * ranking) or one of its likes was voided (its count went down).
     */
    record Changed(LikeTarget target, long targetId) {
    }
}
