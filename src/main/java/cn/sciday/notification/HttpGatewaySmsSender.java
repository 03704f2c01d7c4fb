package cn.sciday.notification;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import tools.jackson.databind.json.JsonMapper;

/**
 * Posts each message as JSON {@code {"mobile": …, "text": …}} to a configurable HTTP gateway (the operator's SMS
 * provider or a relay in front of it), with an optional bearer token. Any answer but 2xx is a failure.
 */
class HttpGatewaySmsSender implements SmsSender {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json = JsonMapper.builder().build();
    private final URI gateway;
    private final String token;

    HttpGatewaySmsSender(URI gateway, String token) {
        this.gateway = gateway;
        this.token = token;
    }

    @Override
    public void send(String mobile, String text) {
        HttpRequest.Builder request = HttpRequest.newBuilder(gateway).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        json.writeValueAsString(java.util.Map.of("mobile", mobile, "text", text))));
        if (token != null && !token.isBlank()) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() / 100 != 2) {
                throw new IllegalStateException("SMS gateway answered " + r.statusCode());
            }
        } catch (IOException e) {
            throw new IllegalStateException("SMS gateway unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
