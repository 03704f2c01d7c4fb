package cn.sciday.activity;

/** Where an organization's summary stands: not submitted, submitted (may be resubmitted), accepted (final). */
public enum SummaryStatus {
    MISSING, SUBMITTED, ACCEPTED
}
