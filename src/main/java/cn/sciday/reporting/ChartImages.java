package cn.sciday.reporting;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.GraphicsEnvironment;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import javax.imageio.ImageIO;

/**
 * Horizontal bar charts as PNG, drawn with Java2D in headless mode (no browser, no display). Labels use a font that
 * can show Chinese when the server has one (e.g. Debian's fonts-noto-cjk); without one, bars are numbered 1, 2, 3…
 * and the caller prints the table that says what each number stands for (it does so anyway, for every chart).
 */
final class ChartImages {

    static {
        System.setProperty("java.awt.headless", "true");
    }

    /** One bar. */
    record Bar(String label, long value) {
    }

    static final int WIDTH = 1200;
    private static final int BAR = 34;
    private static final int GAP = 14;
    private static final Color[] PALETTE = {new Color(0x1f5fa8), new Color(0x2e8b57), new Color(0xc0621a),
            new Color(0x7a4fa3), new Color(0xa8323e), new Color(0x2b7a8c)};
    private static final String SAMPLE = "科普日活动汇总";

    private ChartImages() {
    }

    /** Whether the labels can be drawn in Chinese on this server. */
    static boolean chineseLabels() {
        return chineseFont() != null;
    }

    private static String chineseFont() {
        for (String name : List.of("Noto Sans CJK SC", "Noto Sans SC", "WenQuanYi Micro Hei", "WenQuanYi Zen Hei",
                "Source Han Sans SC", "Microsoft YaHei", "SimHei", "PingFang SC", "AR PL UMing CN")) {
            Font f = new Font(name, Font.PLAIN, 12);
            if (f.getFamily().equals(name) && f.canDisplayUpTo(SAMPLE) == -1) {
                return name;
            }
        }
        for (Font f : GraphicsEnvironment.getLocalGraphicsEnvironment().getAllFonts()) {
            if (f.canDisplayUpTo(SAMPLE) == -1) {
                return f.getFamily();
            }
        }
        return null;
    }

    /** A PNG of the bars with the title above them. */
    static byte[] bars(String title, List<Bar> bars) {
        String cjk = chineseFont();
        String family = cjk != null ? cjk : Font.SANS_SERIF;
        int height = 80 + Math.max(1, bars.size()) * (BAR + GAP) + 30;
        BufferedImage image = new BufferedImage(WIDTH, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, height);
            g.setColor(new Color(0x1b1b1b));
            g.setFont(new Font(family, Font.BOLD, 26));
            g.drawString(cjk != null ? title : "", 30, 45);
            Font labelFont = new Font(family, Font.PLAIN, 20);
            g.setFont(labelFont);
            FontMetrics fm = g.getFontMetrics();
            int labelWidth = 0;
            for (int i = 0; i < bars.size(); i++) {
                labelWidth = Math.max(labelWidth, fm.stringWidth(label(bars.get(i), i, cjk != null)));
            }
            labelWidth = Math.min(labelWidth, WIDTH / 2);
            int left = 40 + labelWidth;
            int right = WIDTH - 110;
            long max = Math.max(1, bars.stream().mapToLong(Bar::value).max().orElse(1));
            int y = 75;
            for (int i = 0; i < bars.size(); i++) {
                Bar b = bars.get(i);
                g.setColor(new Color(0x1b1b1b));
                String text = clip(label(b, i, cjk != null), fm, labelWidth);
                g.drawString(text, left - 10 - fm.stringWidth(text), y + BAR / 2 + fm.getAscent() / 2 - 3);
                int w = (int) Math.round((right - left) * (b.value() / (double) max));
                g.setColor(PALETTE[i % PALETTE.length]);
                g.fillRect(left, y, Math.max(w, b.value() > 0 ? 2 : 0), BAR);
                g.setColor(new Color(0x1b1b1b));
                g.drawString(String.valueOf(b.value()), left + w + 8, y + BAR / 2 + fm.getAscent() / 2 - 3);
                y += BAR + GAP;
            }
            g.setColor(new Color(0x6b6b6b));
            g.setStroke(new BasicStroke(2));
            g.drawLine(left, 70, left, y);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static int height(int bars) {
        return 80 + Math.max(1, bars) * (BAR + GAP) + 30;
    }

    private static String label(Bar b, int index, boolean chinese) {
        return chinese ? b.label() : String.valueOf(index + 1);
    }

    private static String clip(String s, FontMetrics fm, int width) {
        if (fm.stringWidth(s) <= width) {
            return s;
        }
        String t = s;
        while (t.length() > 1 && fm.stringWidth(t + "…") > width) {
            t = t.substring(0, t.length() - 1);
        }
        return t + "…";
    }
}
