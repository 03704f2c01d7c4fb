/**
 * The public portal: the home page, finding activities (list with filters, calendar, map of the seven divisions),
 * the public activity page, and notices (通知公告) that city admins publish with attachments. Public reads go
 * through {@link cn.sciday.portal.PublicCatalog}, a cache that activity, sign-up, campaign and organization events
 * invalidate. Facade for notices: {@link cn.sciday.portal.Notices}.
 */
package cn.sciday.portal;
