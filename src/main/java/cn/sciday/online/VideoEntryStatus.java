package cn.sciday.online;

/** Where a short-video entry stands: waiting for the city's review, shown in the gallery, or returned with a reason. */
public enum VideoEntryStatus {
    PENDING, APPROVED, REJECTED
}
