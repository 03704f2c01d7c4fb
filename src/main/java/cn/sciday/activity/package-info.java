/**
 * Activities of the campaign: proposal (意向征集), review by the unit's 归口 and by the city, publication, returns
 * with a reason, withdrawal, cancellation and changes after publication. Facade: {@link cn.sciday.activity.Activities};
 * events: {@link cn.sciday.activity.ActivityEvent} and its records.
 */
package cn.sciday.activity;
