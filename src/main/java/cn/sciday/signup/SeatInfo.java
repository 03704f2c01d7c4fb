package cn.sciday.signup;

/** Seats of an activity: capacity, taken, waiting, and whether sign-up is open. */
public record SeatInfo(long activityId, int capacity, int confirmed, int waitlisted, boolean open,
        boolean realNameRequired) {

    public int left() {
        return Math.max(0, capacity - confirmed);
    }

    public boolean full() {
        return confirmed >= capacity;
    }
}
