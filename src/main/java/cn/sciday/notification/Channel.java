package cn.sciday.notification;

/** How an outbox message travels. */
enum Channel {
    EMAIL, SMS
}
