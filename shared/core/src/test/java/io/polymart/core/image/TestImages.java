package io.polymart.core.image;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/**
 * Fixtures. The WebP files under src/test/resources/images were made with libwebp's cwebp 1.2.4 from
 * a 64x48 gradient PNG (the alpha one half opaque, half at alpha 64):
 * {@code cwebp -q 80 rgb.png -o lossy-64x48.webp}, {@code cwebp -q 80 rgba.png -o lossy-alpha-64x48.webp},
 * {@code cwebp -lossless rgba.png -o lossless-alpha-64x48.webp}.
 */
final class TestImages {
  private TestImages() {
  }

  static BufferedImage gradient(int width, int height, int type) {
    BufferedImage image = new BufferedImage(width, height, type);
    Graphics2D g = image.createGraphics();
    g.setPaint(new GradientPaint(0, 0, Color.ORANGE, width, height, Color.BLUE));
    g.fillRect(0, 0, width, height);
    g.setColor(Color.WHITE);
    g.fillOval(width / 4, height / 4, width / 2, height / 2);
    g.dispose();
    return image;
  }

  static byte[] jpeg(int width, int height) {
    return encode(gradient(width, height, BufferedImage.TYPE_INT_RGB), "jpg");
  }

  static byte[] png(int width, int height) {
    return encode(gradient(width, height, BufferedImage.TYPE_INT_RGB), "png");
  }

  static byte[] encode(BufferedImage image, String format) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      if (!ImageIO.write(image, format, out)) {
        throw new IllegalStateException("no writer for " + format);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  static BufferedImage decode(byte[] bytes) {
    try {
      BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
      if (image == null) {
        throw new IllegalStateException("not decodable");
      }
      return image;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] resource(String name) {
    try (InputStream in = TestImages.class.getResourceAsStream("/images/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
