package cn.sciday.notification;

/** A claimed outbox row, ready to send: {@code address} is still encrypted. */
record OutboxMessage(long id, Channel channel, long accountId, String address, String subject, String body,
        int attempts) {
}
