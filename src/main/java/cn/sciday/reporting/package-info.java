/**
 * Reporting and oversight (section 六 of the plan): the intention form (附件1) as an Excel template and its import,
 * the summary table (附件2), the oversight dashboard, deadline compliance and reminders, the national-platform
 * filing export, recommendations (择优推荐) and the special report (专报). It reads the activity, organization,
 * sign-up and feedback tables through aggregate SQL ({@code ReportQueries}); nothing depends on it. Completion
 * figures (photos, news links, actual participants, summaries) come through {@link cn.sciday.reporting.CompletionFacts},
 * implemented over the activity module's {@code Completions} facade.
 */
package cn.sciday.reporting;
