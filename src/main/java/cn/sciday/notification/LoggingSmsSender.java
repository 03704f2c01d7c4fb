package cn.sciday.notification;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The default SMS sender: writes the message to the log (numbers masked but for the last four digits). */
class LoggingSmsSender implements SmsSender {

    private static final Logger log = LoggerFactory.getLogger(LoggingSmsSender.class);

    @Override
    public void send(String mobile, String text) {
        log.info("SMS to {}: {}", mobile, text);
    }
}
