import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Prints SQL that writes a burst of e-mail notifications into the outbox exactly as the notification module does
 * (address encrypted like PersonalData: AES-GCM with the first 16 bytes of the key, base64 of IV + ciphertext), due at
 * once. Run with the JDK's source launcher: {@code java bench/OutboxBurst.java KEY COUNT TAG ACCOUNT_ID DUE_AT}, where
 * DUE_AT is an SQL expression for the creation and due time (the app's clock, which may be a demo clock).
 */
public class OutboxBurst {

    public static void main(String[] args) throws Exception {
        byte[] key = Base64.getDecoder().decode(args[0]);
        int count = Integer.parseInt(args[1]);
        String tag = args[2];
        long account = Long.parseLong(args[3]);
        String due = args[4];
        SecretKeySpec aes = new SecretKeySpec(key, 0, 16, "AES");
        SecureRandom random = new SecureRandom();
        System.out.println("begin;");
        for (int i = 1; i <= count; i++) {
            byte[] iv = new byte[12];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, aes, new GCMParameterSpec(128, iv));
            byte[] sealed = cipher.doFinal((tag + "-" + i + "@example.test").getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[iv.length + sealed.length];
            System.arraycopy(iv, 0, out, 0, iv.length);
            System.arraycopy(sealed, 0, out, iv.length, sealed.length);
            System.out.printf("insert into outbox_message (channel, account_id, address, subject, body, created_at, attempts,"
                    + " next_attempt_at) values ('EMAIL', %d, '%s', '%s %d', 'fault test message %d', %s, 0, %s);%n",
                    account, Base64.getEncoder().encodeToString(out), tag, i, i, due, due);
        }
        System.out.println("commit;");
    }
}
