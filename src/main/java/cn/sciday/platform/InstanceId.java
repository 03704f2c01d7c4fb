package cn.sciday.platform;

import java.net.InetAddress;
import java.util.UUID;

/** Names this running instance in logs and cache messages: host name plus a random part. */
final class InstanceId {

    private InstanceId() {
    }

    static String generate() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            host = "host";
        }
        return host + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
