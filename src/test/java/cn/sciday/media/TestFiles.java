package cn.sciday.media;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import javax.imageio.ImageIO;

/** Sample file contents made in memory for the media tests. */
final class TestFiles {

    private TestFiles() {
    }

    static byte[] png(int width, int height) {
        return image(width, height, "png", BufferedImage.TYPE_INT_ARGB);
    }

    static byte[] jpeg(int width, int height) {
        return image(width, height, "jpeg", BufferedImage.TYPE_INT_RGB);
    }

    private static byte[] image(int width, int height, String format, int type) {
        BufferedImage image = new BufferedImage(width, height, type);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(11, 79, 156));
        g.fillRect(0, 0, width, height);
        g.setColor(Color.ORANGE);
        g.fillOval(width / 4, height / 4, width / 2, height / 2);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, format, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A PNG whose header claims the given size, with one tiny (wrong) data chunk: never decode it. */
    static byte[] pngClaiming(int width, int height) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(width).putInt(height)
                .put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        chunk(out, "IHDR", ihdr.array());
        chunk(out, "IDAT", new byte[] {0x78, (byte) 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01});
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(t);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    static byte[] pdf() {
        return ("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
                + "2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    /** An ISO base media file: an ftyp box (isom) and a small mdat box. */
    static byte[] mp4(int mdatBytes) {
        ByteBuffer b = ByteBuffer.allocate(24 + 8 + mdatBytes);
        b.putInt(24).put("ftyp".getBytes(StandardCharsets.US_ASCII)).put("isom".getBytes(StandardCharsets.US_ASCII))
                .putInt(0x200).put("isomiso2avc1mp41".getBytes(StandardCharsets.US_ASCII), 0, 8);
        b.putInt(8 + mdatBytes).put("mdat".getBytes(StandardCharsets.US_ASCII));
        for (int i = 0; i < mdatBytes; i++) {
            b.put((byte) (i % 251));
        }
        return b.array();
    }

    static final String HTML = "<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>";
    static final String SVG = "<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\">"
            + "<script>alert(1)</script><circle r=\"5\"/></svg>";

    static byte[] xlsx() {
        return office("xl/", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
                "workbook.xml", 0);
    }

    static byte[] docx() {
        return office("word/", "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
                "document.xml", 0);
    }

    /** An .xlsx whose one sheet inflates from a few hundred KB to {@code inflatedBytes} of zeros. */
    static byte[] zipBombXlsx(long inflatedBytes) {
        return office("xl/", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
                "workbook.xml", inflatedBytes);
    }

    private static byte[] office(String dir, String mainType, String mainPart, long bombBytes) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.setLevel(Deflater.BEST_COMPRESSION);
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/"
                    + "package/2006/content-types\"><Override PartName=\"/" + dir + mainPart + "\" ContentType=\""
                    + mainType + "\"/></Types>").getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("_rels/.rels"));
            zip.write("<Relationships/>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry(dir + mainPart));
            zip.write("<main/>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            if (bombBytes > 0) {
                zip.putNextEntry(new ZipEntry(dir + "worksheets/sheet1.xml"));
                byte[] zeros = new byte[1 << 20];
                for (long written = 0; written < bombBytes; written += zeros.length) {
                    zip.write(zeros, 0, (int) Math.min(zeros.length, bombBytes - written));
                }
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
