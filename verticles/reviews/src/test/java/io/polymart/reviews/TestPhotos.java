package io.polymart.reviews;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;

/**
 * Image fixtures for review uploads, as the image pipeline's own tests in shared/core make them; the WebP file is a
 * copy of theirs ({@code cwebp -q 80} of a 64x48 gradient).
 */
final class TestPhotos {
  /** What a phone writes into a photo and no published rendition may keep. */
  static final String SECRET = "GPSLatitude 48.8584 N";

  private TestPhotos() {
  }

  static byte[] jpeg(int width, int height) {
    return encode(gradient(width, height), "jpg");
  }

  static byte[] png(int width, int height) {
    return encode(gradient(width, height), "png");
  }

  /** A JPEG carrying {@link #SECRET} in an EXIF segment, an XMP segment and a comment. */
  static byte[] jpegWithMetadata(int width, int height) {
    byte[] plain = jpeg(width, height);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(plain, 0, 2);
    out.writeBytes(segment(0xE1, "Exif\0\0" + SECRET));
    out.writeBytes(segment(0xE1, "http://ns.adobe.com/xap/1.0/\0" + SECRET));
    out.writeBytes(segment(0xFE, SECRET));
    out.write(plain, 2, plain.length - 2);
    return out.toByteArray();
  }

  /** A PNG of random pixels: it compresses to about 3 bytes a pixel. */
  static byte[] noisePng(int width, int height) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    SplittableRandom random = new SplittableRandom(7);
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        image.setRGB(x, y, random.nextInt(0x1000000));
      }
    }
    return encode(image, "png");
  }

  /** A PNG of one colour: many pixels in few bytes. */
  static byte[] plainPng(int width, int height) {
    return encode(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), "png");
  }

  static byte[] webp() {
    try (InputStream in = TestPhotos.class.getResourceAsStream("/images/lossy-64x48.webp")) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static BufferedImage decode(byte[] bytes) {
    try {
      return ImageIO.read(new ByteArrayInputStream(bytes));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static boolean contains(byte[] bytes, String text) {
    return new String(bytes, StandardCharsets.ISO_8859_1).contains(text);
  }

  private static BufferedImage gradient(int width, int height) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setPaint(new GradientPaint(0, 0, Color.ORANGE, width, height, Color.BLUE));
    g.fillRect(0, 0, width, height);
    g.dispose();
    return image;
  }

  private static byte[] segment(int marker, String payload) {
    byte[] data = payload.getBytes(StandardCharsets.ISO_8859_1);
    return ByteBuffer.allocate(4 + data.length).put((byte) 0xFF).put((byte) marker)
        .putShort((short) (data.length + 2)).put(data).array();
  }

  private static byte[] encode(BufferedImage image, String format) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, format, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
