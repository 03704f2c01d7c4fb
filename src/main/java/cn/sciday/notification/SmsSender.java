package cn.sciday.notification;

/** Sends a text message to a mobile number. The default writes it to the log so that the app works offline. */
public interface SmsSender {

    /** Sends {@code text} to {@code mobile}; throws when the gateway refuses, so that the caller can retry. */
    void send(String mobile, String text);
}
