/**
 * Notifications: an outbox written in the same transaction as the change, delivered to the in-app inbox, by
 * e-mail (SMTP) and by SMS (behind {@link cn.sciday.notification.SmsSender}).
 */
package cn.sciday.notification;
