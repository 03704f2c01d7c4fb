/**
 * The campaign plan as data: theme, period, main event, content themes, joint actions with their lead units,
 * cloud activities, work requirements and milestones; loading the plan file; editing and cloning to a new year.
 * Facade: {@link cn.sciday.campaign.CampaignManagement}.
 */
package cn.sciday.campaign;
