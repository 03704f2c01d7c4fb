package cn.sciday.signup;

/** The average rating of an activity and how many gave one. */
public record FeedbackSummary(long activityId, int count, double average) {

    public String averageText() {
        return count == 0 ? "—" : String.format("%.1f", average);
    }
}
