package cn.sciday.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

/** The HTTP SMS gateway sender against a real HTTP server on loopback. */
class HttpGatewaySmsSenderTests {

    HttpServer server;
    final List<String> bodies = new CopyOnWriteArrayList<>();
    final List<String> auth = new CopyOnWriteArrayList<>();
    volatile int answer = 200;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/sms", exchange -> {
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            auth.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            exchange.sendResponseHeaders(answer, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void postsTheMessageAsJsonWithTheToken() {
        SmsSender sender = new SmsConfiguration().smsSender(url(), "secret-token");
        sender.send("13800000000", "【科普日】您的验证码是123456");
        assertThat(bodies).hasSize(1);
        assertThat(bodies.get(0)).contains("\"mobile\":\"13800000000\"").contains("验证码是123456");
        assertThat(auth.get(0)).isEqualTo("Bearer secret-token");
    }

    @Test
    void aRefusalIsAFailureTheCallerSees() {
        answer = 503;
        SmsSender sender = new SmsConfiguration().smsSender(url(), "");
        assertThatThrownBy(() -> sender.send("13800000000", "x")).hasMessageContaining("503");
    }

    @Test
    void withoutAGatewayMessagesGoToTheLog() {
        assertThat(new SmsConfiguration().smsSender("", "")).isInstanceOf(LoggingSmsSender.class);
    }

    private String url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/sms").toString();
    }
}
