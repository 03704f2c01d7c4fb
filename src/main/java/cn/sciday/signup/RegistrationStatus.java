package cn.sciday.signup;

/** A seat held, a place in the queue, or given up. */
public enum RegistrationStatus {
    CONFIRMED, WAITLISTED, CANCELLED
}
