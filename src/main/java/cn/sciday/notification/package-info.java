/**
 * Notifications: an outbox written in the same transaction as the change, delivered to the in-app inbox, by
 * e-mail (SMTP) and by SMS (behind {@link cn.sciday.notification.SmsSender}). Facade:
 * {@link cn.sciday.notification.Notifications}; delivery: {@link cn.sciday.notification.OutboxDispatcher}. Recipients
 * are found through {@link cn.sciday.notification.RecipientDirectory} (implemented by the account module, which
 * depends on this one, never the other way round).
 */
package cn.sciday.notification;
