package cn.sciday.notification;

import java.net.URI;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The SMS sender: the HTTP gateway when {@code sciday.sms.gateway-url} is set, the log otherwise. */
@Configuration(proxyBeanMethods = false)
class SmsConfiguration {

    @Bean
    SmsSender smsSender(@Value("${sciday.sms.gateway-url:}") String url, @Value("${sciday.sms.gateway-token:}") String token) {
        if (url.isBlank()) {
            return new LoggingSmsSender();
        }
        return new HttpGatewaySmsSender(URI.create(url), token);
    }
}
