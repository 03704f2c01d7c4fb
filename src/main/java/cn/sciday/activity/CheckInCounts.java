package cn.sciday.activity;

/**
 * How many people checked in at an activity, as the sign-up module knows it. Implemented there (sign-up depends on
 * activity, not the other way round); completion pre-fills the actual participants with it.
 */
public interface CheckInCounts {

    int checkedIn(long activityId);
}
