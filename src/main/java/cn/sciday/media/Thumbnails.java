package cn.sciday.media;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks an uploaded image's declared size before decoding it (refusing absurd ones), then makes a JPEG thumbnail
 * of at most {@link #MAX_SIDE} pixels on the long side, decoding with sub-sampling so that memory stays small.
 */
final class Thumbnails {

    static final int MAX_SIDE = 400;
    static final long MAX_PIXELS = 50_000_000L;
    static final int MAX_DIMENSION = 30_000;
    /** Decode at most about this many pixels on the long side before scaling down. */
    private static final int DECODE_SIDE = 1600;

    private static final Logger log = LoggerFactory.getLogger(Thumbnails.class);

    private Thumbnails() {
    }

    /** A JPEG thumbnail, or null when the image is valid but cannot be decoded here (e.g. a CMYK JPEG). */
    static byte[] make(Path file, FileKind kind) {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(kind == FileKind.PNG ? "png" : "jpeg");
            if (in == null || !readers.hasNext()) {
                throw ContentInspector.refuse("media.error.imageUnsupported");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int width;
                int height;
                try {
                    width = reader.getWidth(0);
                    height = reader.getHeight(0);
                } catch (IOException | RuntimeException e) {
                    throw ContentInspector.refuse("media.error.imageBroken");
                }
                if (width <= 0 || height <= 0 || width > MAX_DIMENSION || height > MAX_DIMENSION
                        || (long) width * height > MAX_PIXELS) {
                    throw ContentInspector.refuse("media.error.imageTooLarge", width, height);
                }
                ImageReadParam param = reader.getDefaultReadParam();
                int step = Math.max(1, Math.max(width, height) / DECODE_SIDE);
                param.setSourceSubsampling(step, step, 0, 0);
                BufferedImage image;
                try {
                    image = reader.read(0, param);
                } catch (IOException | RuntimeException e) {
                    log.info("Image {}x{} accepted without a thumbnail: {}", width, height, e.toString());
                    return null;
                }
                return jpeg(scale(image));
            } finally {
                reader.dispose();
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static BufferedImage scale(BufferedImage source) {
        int w = source.getWidth();
        int h = source.getHeight();
        double factor = Math.min(1.0, (double) MAX_SIDE / Math.max(w, h));
        int tw = Math.max(1, (int) Math.round(w * factor));
        int th = Math.max(1, (int) Math.round(h * factor));
        BufferedImage current = source;
        // halve in steps for a smooth result, then draw at the final size onto an opaque white background
        while (current.getWidth() / 2 >= tw && current.getHeight() / 2 >= th) {
            current = draw(current, current.getWidth() / 2, current.getHeight() / 2);
        }
        return draw(current, tw, th);
    }

    private static BufferedImage draw(BufferedImage source, int w, int h) {
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, w, h);
            g.drawImage(source, 0, 0, w, h, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    private static byte[] jpeg(BufferedImage image) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.85f);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
