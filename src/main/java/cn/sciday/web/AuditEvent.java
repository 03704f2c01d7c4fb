package cn.sciday.web;

/**
 * Asks the audit trail to record something that no module event covers, for example a sensitive read such as
 * opening a registrant's full mobile number. Publish it with {@code ApplicationEventPublisher}; the actor and
 * address are taken from the current request. {@code action} is a short code in capitals
 * ({@code REGISTRANT_PHONE_VIEWED}), {@code targetType} names the record type ({@code REGISTRATION}).
 */
public record AuditEvent(String action, String targetType, String targetId, String detail) {
}
