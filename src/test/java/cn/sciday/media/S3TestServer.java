package cn.sciday.media;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Assumptions;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A real S3-compatible server for the storage tests: S3Proxy (Maven Central {@code org.gaul:s3proxy}, copied to
 * {@code target/s3proxy/s3proxy.jar} by the build) with in-memory storage, run as a separate Java process on a free
 * loopback port with AWS signature v4 authentication. Started once per test JVM, stopped when it exits.
 */
final class S3TestServer {

    static final String ACCESS_KEY = "sciday-test";
    static final String SECRET_KEY = "sciday-test-secret";
    static final String REGION = "us-east-1";

    private static S3TestServer instance;

    private final Process process;
    private final String endpoint;

    private S3TestServer(Process process, String endpoint) {
        this.process = process;
        this.endpoint = endpoint;
    }

    /** The running server; skips the calling test (with the reason) when the S3Proxy jar is missing. */
    static synchronized S3TestServer get() {
        if (instance == null) {
            Path jar = Path.of("target", "s3proxy", "s3proxy.jar");
            Assumptions.assumeTrue(Files.isRegularFile(jar),
                    "S3 tests need target/s3proxy/s3proxy.jar, copied by `./mvnw verify` (generate-test-resources)");
            try {
                instance = start(jar);
            } catch (IOException e) {
                throw new IllegalStateException("cannot start S3Proxy", e);
            }
        }
        return instance;
    }

    private static S3TestServer start(Path jar) throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String endpoint = "http://127.0.0.1:" + port;
        Path dir = Files.createDirectories(Path.of("target", "s3proxy"));
        Path conf = dir.resolve("s3proxy-" + port + ".conf");
        Files.write(conf, List.of(
                "s3proxy.endpoint=" + endpoint,
                "s3proxy.authorization=aws-v2-or-v4",
                "s3proxy.identity=" + ACCESS_KEY,
                "s3proxy.credential=" + SECRET_KEY,
                "jclouds.provider=transient",
                "jclouds.identity=unused",
                "jclouds.credential=unused"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-Xmx256m", "-jar", jar.toString(), "--properties", conf.toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("s3proxy-" + port + ".log").toFile())
                .start();
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("S3Proxy exited; see " + dir.resolve("s3proxy-" + port + ".log"));
            }
            try {
                HttpURLConnection c = (HttpURLConnection) URI.create(endpoint + "/").toURL().openConnection();
                c.setConnectTimeout(500);
                c.setReadTimeout(2000);
                int status = c.getResponseCode();
                c.disconnect();
                if (status > 0) {
                    return new S3TestServer(process, endpoint);
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        process.destroy();
        throw new IllegalStateException("S3Proxy did not start within 60 s");
    }

    String endpoint() {
        return endpoint;
    }

    boolean alive() {
        return process.isAlive();
    }

    /** A client as the app builds it (path style, checksums only when required, URL-connection HTTP). */
    S3Client client() {
        return S3Client.builder()
                .endpointOverride(URI.create(endpoint))
                .region(Region.of(REGION))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
                .forcePathStyle(true)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .httpClient(UrlConnectionHttpClient.builder().build())
                .build();
    }
}
