package cn.sciday.online;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import javax.imageio.ImageIO;

import org.springframework.mock.web.MockMultipartFile;

import cn.sciday.TestLogins;
import cn.sciday.account.Accounts;
import cn.sciday.organization.CreditCode;
import cn.sciday.organization.OrganizationView;
import cn.sciday.organization.Organizations;
import cn.sciday.organization.UnitRegistration;
import cn.sciday.organization.UnitType;
import cn.sciday.web.Actor;
import cn.sciday.web.Role;

/** Test data for the online module: rounds, entries, units, people, images and MP4 headers made in memory. */
final class OnlineTestData {

    private static final AtomicInteger SEQ = new AtomicInteger();
    private static final String CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    private OnlineTestData() {
    }

    static Actor cityAdmin(Organizations organizations) {
        return TestLogins.actor(Role.CITY_ADMIN, organizations.city().id());
    }

    /** A public user without an account row (enough where nobody needs to be told anything). */
    static Actor citizen() {
        return TestLogins.actor(Role.PUBLIC, null);
    }

    /** A public user with an account (notifications reach it). */
    static Actor realCitizen(Accounts accounts) {
        return accounts.publicUser(mobile());
    }

    static String mobile() {
        return "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    static String address() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return "10." + r.nextInt(256) + "." + r.nextInt(256) + "." + (1 + r.nextInt(254));
    }

    static OrganizationView unit(Organizations organizations, String division, String name) {
        long parent = organizations.findByName(division).orElseThrow().id();
        StringBuilder code = new StringBuilder("91440704MA5");
        for (int i = 0; i < 6; i++) {
            code.append(CHARS.charAt(ThreadLocalRandom.current().nextInt(CHARS.length())));
        }
        return organizations.createApprovedUnit(new UnitRegistration(name + " " + code.substring(11),
                UnitType.SCHOOL, CreditCode.complete(code.toString()), "张老师", "0750-3520000", "江门市", parent));
    }

    /**
     * A round open at {@code now} that becomes the current one: each new round opens a minute after the previous
     * one (all within the day before now).
     */
    static VideoRound openRound(VideoEntries videos, Actor admin, Instant now, int perPerson, int perUnit,
            int maxSeconds) {
        Instant opens = now.minus(Duration.ofDays(1)).plus(Duration.ofMinutes(SEQ.incrementAndGet()));
        Instant closes = now.plus(Duration.ofDays(30));
        return videos.createRound(admin, new VideoRoundForm("测试征集 " + SEQ.get(), VideoRound.INPUT.format(opens),
                VideoRound.INPUT.format(closes), "2", String.valueOf(maxSeconds), String.valueOf(perPerson),
                String.valueOf(perUnit), "科学实验\n科普讲解\n生态环保"));
    }

    static VideoEntryForm form(String title, String link) {
        return new VideoEntryForm(title, "一段简介", "王小明", "江门市第一中学", "科学实验", link);
    }

    /** A link entry with a cover, approved by the city. */
    static VideoEntry approvedEntry(VideoEntries videos, Actor admin, String title) {
        VideoEntry e = videos.submit(citizen(), form(title, "https://video.example.cn/" + SEQ.incrementAndGet()),
                null, upload("cover.png", png()));
        return videos.approve(admin, e.id());
    }

    static OnlineUpload upload(String name, byte[] bytes) {
        return new OnlineUpload(name, () -> new ByteArrayInputStream(bytes));
    }

    static MockMultipartFile coverFile() {
        return new MockMultipartFile("coverFile", "封面.png", "image/png", png());
    }

    static byte[] png() {
        BufferedImage image = new BufferedImage(160, 90, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(11, 79, 156));
        g.fillRect(0, 0, 160, 90);
        g.setColor(Color.ORANGE);
        g.fillOval(50, 15, 60, 60);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * A small but well-formed MP4: an ftyp box, a moov box holding an mvhd box (version 0 or 1) with the given
     * timescale and duration, and an mdat box; the moov box before or after the media data.
     */
    static byte[] mp4(long duration, int timescale, int version, boolean moovFirst) {
        ByteBuffer ftyp = ByteBuffer.allocate(24);
        ftyp.putInt(24).put(ascii("ftyp")).put(ascii("isom")).putInt(0x200).put(ascii("isom")).put(ascii("mp41"));
        int mvhdBody = version == 1 ? 4 + 8 + 8 + 4 + 8 + 80 : 4 + 4 + 4 + 4 + 4 + 80;
        ByteBuffer mvhd = ByteBuffer.allocate(8 + mvhdBody);
        mvhd.putInt(8 + mvhdBody).put(ascii("mvhd")).put((byte) version).put(new byte[3]);
        if (version == 1) {
            mvhd.putLong(3_700_000_000L).putLong(3_700_000_000L).putInt(timescale).putLong(duration);
        } else {
            mvhd.putInt(0).putInt(0).putInt(timescale).putInt((int) duration);
        }
        mvhd.putInt(0x00010000).putShort((short) 0x0100).put(new byte[74]);
        ByteBuffer free = ByteBuffer.allocate(16).putInt(16).put(ascii("free")).put(new byte[8]);
        byte[] moovChildren = concat(free.array(), mvhd.array());
        ByteBuffer moov = ByteBuffer.allocate(8 + moovChildren.length).putInt(8 + moovChildren.length)
                .put(ascii("moov")).put(moovChildren);
        byte[] data = new byte[4096];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i % 251);
        }
        ByteBuffer mdat = ByteBuffer.allocate(8 + data.length).putInt(8 + data.length).put(ascii("mdat")).put(data);
        return moovFirst ? concat(ftyp.array(), moov.array(), mdat.array())
                : concat(ftyp.array(), mdat.array(), moov.array());
    }

    static byte[] mp4Seconds(double seconds) {
        return mp4(Math.round(seconds * 1000), 1000, 0, true);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
