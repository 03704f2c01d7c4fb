/**
 * Activities of the campaign: proposal (意向征集) with its epidemic-prevention plan and the stamped scan of the
 * intention batch, review by the unit's 归口 and by the city, publication, returns with a reason, withdrawal,
 * cancellation and changes after publication; information completion (信息完善) with its completeness score; stage
 * and full summaries. Facades: {@link cn.sciday.activity.Activities}, {@link cn.sciday.activity.ActivityUploads},
 * {@link cn.sciday.activity.CompletionManagement}, {@link cn.sciday.activity.SummaryManagement} and, for other modules,
 * the read facade {@link cn.sciday.activity.Completions}; events: {@link cn.sciday.activity.ActivityEvent} and its
 * records, {@link cn.sciday.activity.SummarySubmitted}, {@link cn.sciday.activity.SummaryAccepted}.
 */
package cn.sciday.activity;
