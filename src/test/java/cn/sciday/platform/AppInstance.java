package cn.sciday.platform;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import cn.sciday.SciDayApplication;

/**
 * One running instance of the whole app on a random port (as a load balancer would see it), for tests of several
 * instances. Each costs a full start-up: keep them few.
 */
final class AppInstance implements AutoCloseable {

    static final String CRYPTO_KEY = "c2NpZGF5LXRlc3Qta2V5LTMyLWJ5dGVzLWxvbmchISE=";

    private final ConfigurableApplicationContext context;

    private AppInstance(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /** Starts an instance with the test basics (port 0, demo off, the test key, no outbox schedule) and {@code args}. */
    static AppInstance start(List<Class<?>> extraSources, String... args) {
        List<String> all = new ArrayList<>(List.of("--server.port=0", "--sciday.demo.mode=off",
                "--sciday.crypto.key=" + CRYPTO_KEY, "--sciday.notification.dispatch-enabled=false",
                "--logging.level.root=WARN", "--spring.thymeleaf.cache=false"));
        all.addAll(List.of(args));
        List<Class<?>> sources = new ArrayList<>(List.of(SciDayApplication.class));
        sources.addAll(extraSources);
        return new AppInstance(new SpringApplicationBuilder(sources.toArray(Class<?>[]::new))
                .run(all.toArray(String[]::new)));
    }

    int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    String url(String path) {
        return "http://127.0.0.1:" + port() + path;
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    ConfigurableApplicationContext context() {
        return context;
    }

    @Override
    public void close() {
        context.close();
    }

    /** A visitor with a cookie jar, talking plain HTTP to any instance (cookies are shared across ports, as a browser does behind one host name). */
    static final class Visitor {

        private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

        private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER).build();
        private final Map<String, String> cookies = new LinkedHashMap<>();

        HttpResponse<String> get(AppInstance app, String path) throws IOException, InterruptedException {
            return send(HttpRequest.newBuilder(URI.create(app.url(path))).GET());
        }

        HttpResponse<String> post(AppInstance app, String path, Map<String, String> form)
                throws IOException, InterruptedException {
            StringBuilder body = new StringBuilder();
            form.forEach((k, v) -> body.append(body.isEmpty() ? "" : "&")
                    .append(java.net.URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
                    .append(java.net.URLEncoder.encode(v, StandardCharsets.UTF_8)));
            return send(HttpRequest.newBuilder(URI.create(app.url(path)))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
        }

        /** Logs in through the login form; returns the answer to the form post (a redirect when it worked). */
        HttpResponse<String> login(AppInstance app, String username, String password)
                throws IOException, InterruptedException {
            String csrf = csrf(get(app, "/login").body());
            return post(app, "/login", Map.of("username", username, "password", password, "_csrf", csrf));
        }

        String csrf(String html) {
            Matcher m = CSRF.matcher(html);
            if (!m.find()) {
                throw new IllegalStateException("no CSRF token in the page");
            }
            return m.group(1);
        }

        Map<String, String> cookies() {
            return cookies;
        }

        private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
            if (!cookies.isEmpty()) {
                StringBuilder header = new StringBuilder();
                cookies.forEach((k, v) -> header.append(header.isEmpty() ? "" : "; ").append(k).append('=').append(v));
                request.header("Cookie", header.toString());
            }
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            for (String set : response.headers().allValues("Set-Cookie")) {
                String pair = set.split(";", 2)[0];
                int eq = pair.indexOf('=');
                String name = pair.substring(0, eq).strip();
                String value = pair.substring(eq + 1).strip();
                if (value.isEmpty() || set.toLowerCase().contains("max-age=0")) {
                    cookies.remove(name);
                } else {
                    cookies.put(name, value);
                }
            }
            return response;
        }
    }
}
