package cn.sciday.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Personal data at rest (PIPL): mobile and ID numbers are stored AES-GCM encrypted and found through a keyed hash
 * (HMAC-SHA256), and shown masked. The 32-byte key comes from {@code sciday.crypto.key} (base64); on the embedded
 * database one is generated once under {@code ./data/sciday.key}.
 */
@Component
public class PersonalData {

    private static final Logger log = LoggerFactory.getLogger(PersonalData.class);
    private static final int IV_BYTES = 12;

    private final SecretKeySpec encryptionKey;
    private final SecretKeySpec hashKey;
    private final SecureRandom random = new SecureRandom();

    public PersonalData(Environment env) {
        byte[] key = loadKey(env);
        byte[] enc = new byte[16];
        byte[] mac = new byte[16];
        System.arraycopy(key, 0, enc, 0, 16);
        System.arraycopy(key, 16, mac, 0, 16);
        this.encryptionKey = new SecretKeySpec(enc, "AES");
        this.hashKey = new SecretKeySpec(mac, "HmacSHA256");
    }

    private static byte[] loadKey(Environment env) {
        String configured = env.getProperty("sciday.crypto.key", "");
        if (!configured.isBlank()) {
            byte[] key = Base64.getDecoder().decode(configured.strip());
            if (key.length != 32) {
                throw new IllegalStateException("sciday.crypto.key must be 32 bytes in base64 (openssl rand -base64 32)");
            }
            return key;
        }
        String url = env.getProperty("spring.datasource.url", "jdbc:h2:");
        if (!url.startsWith("jdbc:h2:")) {
            throw new IllegalStateException("Set SCIDAY_CRYPTO_KEY (32 bytes, base64: openssl rand -base64 32) "
                    + "to encrypt personal data; it is generated automatically only for the embedded database.");
        }
        Path file = Path.of(env.getProperty("sciday.crypto.key-file", "./data/sciday.key"));
        try {
            if (Files.exists(file)) {
                return Base64.getDecoder().decode(Files.readString(file).strip());
            }
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, Base64.getEncoder().encodeToString(key));
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system
            }
            log.info("Generated the personal-data key {}; back it up with the database", file);
            return key;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read or create the personal-data key " + file, e);
        }
    }

    /** AES-GCM with a random IV; the result is base64 of IV + ciphertext. */
    public String encrypt(String plain) {
        if (plain == null) {
            return null;
        }
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, encryptionKey, new GCMParameterSpec(128, iv));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[iv.length + sealed.length];
            System.arraycopy(iv, 0, out, 0, iv.length);
            System.arraycopy(sealed, 0, out, iv.length, sealed.length);
            return Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public String decrypt(String sealed) {
        if (sealed == null) {
            return null;
        }
        try {
            byte[] in = Base64.getDecoder().decode(sealed);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, encryptionKey, new GCMParameterSpec(128, in, 0, IV_BYTES));
            return new String(cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("personal data cannot be decrypted with this key", e);
        }
    }

    /** A keyed hash to find a record by mobile or ID number without storing it in the clear. */
    public String hash(String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(hashKey);
            return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** 138****0000: the first three and last four digits of a mobile number. */
    public static String maskMobile(String mobile) {
        if (mobile == null || mobile.length() < 7) {
            return "****";
        }
        return mobile.substring(0, 3) + "****" + mobile.substring(mobile.length() - 4);
    }

    /** Shows the first and last characters of an ID number only. */
    public static String maskId(String id) {
        if (id == null || id.length() < 4) {
            return "****";
        }
        return id.charAt(0) + "*".repeat(id.length() - 2) + id.charAt(id.length() - 1);
    }

    /** Turns full-width digits into ASCII and removes spaces and dashes: how a person may type a mobile number. */
    public static String normalizeMobile(String raw) {
        if (raw == null) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        for (char c : raw.toCharArray()) {
            if (c >= '０' && c <= '９') {
                c = (char) (c - '０' + '0');
            }
            if (Character.isDigit(c)) {
                b.append(c);
            } else if (c != ' ' && c != '-' && c != '\u3000' && c != '+') {
                b.append(c);
            }
        }
        String s = b.toString();
        return s.startsWith("86") && s.length() == 13 ? s.substring(2) : s;
    }

    /** A mainland mobile number: 11 digits starting with 1[3-9]. */
    public static boolean isMobile(String normalized) {
        return normalized != null && normalized.matches("1[3-9][0-9]{9}");
    }
}
