package io.polymart.catalog.image;

import io.polymart.core.image.ImageEncoding;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RadialGradientPaint;
import java.awt.RenderingHints;
import java.awt.font.FontRenderContext;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.util.SplittableRandom;

/** Draws product pictures for the demo catalog with Java2D, so a demo needs no downloads. */
public final class DemoImages {
  static final int SIZE = 640;
  static final int MAX_FONT_SIZE = 44;
  static final int MIN_FONT_SIZE = 12;
  static final int MAX_LABEL_WIDTH = SIZE - 100;
  private static final float JPEG_QUALITY = 0.88f;

  static {
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
  }

  /** What the product looks like. */
  public enum Shape { BOX, BOTTLE, PHONE, SHIRT, BALL }

  private DemoImages() {
  }

  /**
   * A 640x640 JPEG: a gradient background and a product-like shape both chosen by the seed, with the
   * label written underneath. The same label and seed always give the same picture. The label should
   * be Latin text: servers often lack fonts with CJK glyphs.
   */
  public static byte[] draw(String label, long seed) {
    return draw(label, seed, shapeFor(seed));
  }

  /** Like {@link #draw(String, long)} with a chosen shape. */
  public static byte[] draw(String label, long seed, Shape shape) {
    // not java.util.Random: its first values for neighbouring seeds are almost equal
    SplittableRandom random = new SplittableRandom(seed);
    float hue = (float) random.nextDouble();
    Color top = Color.getHSBColor(hue, 0.25f, 0.98f);
    Color bottom = Color.getHSBColor((hue + 0.07f) % 1f, 0.50f, 0.82f);
    Color product = Color.getHSBColor((hue + 0.45f + (float) random.nextDouble() * 0.1f) % 1f, 0.60f, 0.85f);

    BufferedImage image = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
      g.setPaint(new GradientPaint(0, 0, top, SIZE, SIZE, bottom));
      g.fillRect(0, 0, SIZE, SIZE);
      g.setColor(new Color(0, 0, 0, 45));
      g.fill(new Ellipse2D.Double(190, 450, 260, 40));
      drawShape(g, shape, product);
      try {
        drawLabel(g, label == null ? "" : label.strip());
      } catch (RuntimeException | LinkageError | InternalError noFonts) {
        // a server without fontconfig or fonts cannot render text; the picture is still useful without its label
      }
    } finally {
      g.dispose();
    }
    return ImageEncoding.jpeg(image, JPEG_QUALITY);
  }

  static Shape shapeFor(long seed) {
    return Shape.values()[(int) Math.floorMod(seed, (long) Shape.values().length)];
  }

  private static void drawShape(Graphics2D g, Shape shape, Color color) {
    Color light = color.brighter();
    Color dark = color.darker();
    switch (shape) {
      case BOX -> {
        g.setColor(color);
        g.fillRect(190, 220, 200, 240);
        Path2D lid = polygon(190, 220, 250, 170, 450, 170, 390, 220);
        g.setColor(light);
        g.fill(lid);
        g.setColor(dark);
        g.fill(polygon(390, 220, 450, 170, 450, 410, 390, 460));
        g.setColor(new Color(255, 255, 255, 110));
        g.fillRect(190, 300, 200, 28);
      }
      case BOTTLE -> {
        g.setColor(dark);
        g.fill(new RoundRectangle2D.Double(284, 95, 72, 45, 12, 12));
        g.setColor(color);
        g.fill(new RoundRectangle2D.Double(292, 135, 56, 80, 16, 16));
        g.fill(new RoundRectangle2D.Double(240, 190, 160, 280, 60, 60));
        g.setColor(new Color(255, 255, 255, 150));
        g.fillRect(240, 280, 160, 90);
        g.setColor(new Color(255, 255, 255, 70));
        g.fill(new RoundRectangle2D.Double(258, 205, 22, 240, 20, 20));
      }
      case PHONE -> {
        g.setColor(new Color(35, 35, 40));
        g.fill(new RoundRectangle2D.Double(220, 90, 200, 380, 44, 44));
        g.setPaint(new GradientPaint(236, 120, light, 404, 440, dark));
        g.fill(new RoundRectangle2D.Double(234, 118, 172, 324, 16, 16));
        g.setColor(new Color(80, 80, 88));
        g.fill(new RoundRectangle2D.Double(295, 101, 50, 8, 8, 8));
      }
      case SHIRT -> {
        Path2D shirt = polygon(250, 130, 290, 118, 350, 118, 390, 130, 470, 195, 430, 255, 400, 232,
            400, 460, 240, 460, 240, 232, 210, 255, 170, 195);
        g.setColor(color);
        g.fill(shirt);
        g.setColor(dark);
        g.setStroke(new BasicStroke(4f));
        g.draw(shirt);
        g.fill(new Ellipse2D.Double(290, 104, 60, 36));
      }
      case BALL -> {
        g.setPaint(new RadialGradientPaint(280, 240, 190, new float[] {0f, 0.6f, 1f},
            new Color[] {Color.WHITE, color, dark}));
        g.fill(new Ellipse2D.Double(180, 160, 280, 280));
      }
    }
  }

  private static void drawLabel(Graphics2D g, String label) {
    if (label.isEmpty()) {
      return;
    }
    Font font = labelFont(label, g.getFontRenderContext());
    g.setColor(new Color(255, 255, 255, 190));
    g.fill(new RoundRectangle2D.Double(30, 512, SIZE - 60, 88, 28, 28));
    g.setFont(font);
    FontMetrics metrics = g.getFontMetrics();
    int x = (SIZE - metrics.stringWidth(label)) / 2;
    int y = 556 + (metrics.getAscent() - metrics.getDescent()) / 2;
    g.setColor(new Color(40, 40, 48));
    g.drawString(label, x, y);
  }

  /** The largest font, up to MAX_FONT_SIZE, in which the label fits MAX_LABEL_WIDTH (or the minimum). */
  static Font labelFont(String label, FontRenderContext context) {
    Font font = new Font(Font.SANS_SERIF, Font.BOLD, MAX_FONT_SIZE);
    double width = font.getStringBounds(label, context).getWidth();
    if (width <= MAX_LABEL_WIDTH) {
      return font;
    }
    float size = (float) Math.floor(MAX_FONT_SIZE * MAX_LABEL_WIDTH / width);
    font = font.deriveFont(size);
    // Glyph widths do not scale exactly linearly with hinting; step down until it fits.
    while (size > MIN_FONT_SIZE && font.getStringBounds(label, context).getWidth() > MAX_LABEL_WIDTH) {
      size--;
      font = font.deriveFont(size);
    }
    return font.deriveFont(Math.max(size, MIN_FONT_SIZE));
  }

  private static Path2D polygon(double... xy) {
    Path2D path = new Path2D.Double();
    path.moveTo(xy[0], xy[1]);
    for (int i = 2; i < xy.length; i += 2) {
      path.lineTo(xy[i], xy[i + 1]);
    }
    path.closePath();
    return path;
  }
}
