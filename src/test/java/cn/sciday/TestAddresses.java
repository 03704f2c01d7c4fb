package cn.sciday;

import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Client addresses of their own for tests of per-address rate limits (MockMvc's default is 127.0.0.1 for all). */
public final class TestAddresses {

    private static final AtomicInteger NEXT = new AtomicInteger(1);

    private TestAddresses() {
    }

    /** A fresh address in 198.18.0.0/15 (the benchmarking range), never handed out twice in a run. */
    public static String next() {
        int n = NEXT.getAndIncrement();
        return "198." + (18 + (n >> 16 & 1)) + "." + (n >> 8 & 0xff) + "." + (n & 0xff);
    }

    /** Sends the request from {@code address}. */
    public static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }
}
