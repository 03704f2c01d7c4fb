package cn.sciday.signup;

import org.springframework.stereotype.Component;

import cn.sciday.activity.CheckInCounts;

/** Tells activity completion how many registrants checked in (it pre-fills the actual participants with it). */
@Component
class SignupCheckInCounts implements CheckInCounts {

    private final Registrations registrations;

    SignupCheckInCounts(Registrations registrations) {
        this.registrations = registrations;
    }

    @Override
    public int checkedIn(long activityId) {
        return registrations.checkedIn(activityId);
    }
}
