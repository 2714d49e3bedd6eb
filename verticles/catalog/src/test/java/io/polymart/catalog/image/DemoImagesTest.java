package io.polymart.catalog.image;

import static org.assertj.core.api.Assertions.assertThat;

import io.polymart.core.image.ImageProcessor;
import io.polymart.core.image.ImageFormat;
import java.awt.Color;
import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DemoImagesTest {
  private static final FontRenderContext CONTEXT = new FontRenderContext(null, true, true);

  @Test
  void drawsA640SquareJpeg() {
    byte[] bytes = DemoImages.draw("Ceramic Mug", 1);
    assertThat(ImageFormat.detect(bytes)).contains(ImageFormat.JPEG);
    BufferedImage image = decode(bytes);
    assertThat(image.getWidth()).isEqualTo(640);
    assertThat(image.getHeight()).isEqualTo(640);
    assertThat(new ImageProcessor(1 << 20, 1_000_000).process(bytes).thumbnail().width()).isEqualTo(200);
  }

  @Test
  void theSameLabelAndSeedGiveTheSamePicture() {
    assertThat(DemoImages.draw("Running Shoes", 42)).isEqualTo(DemoImages.draw("Running Shoes", 42));
  }

  @Test
  void theSeedChoosesColoursAndShape() {
    Set<Integer> corners = new HashSet<>();
    Set<DemoImages.Shape> shapes = new HashSet<>();
    for (long seed = 0; seed < 10; seed++) {
      corners.add(decode(DemoImages.draw("Item", seed)).getRGB(4, 4));
      shapes.add(DemoImages.shapeFor(seed));
    }
    assertThat(corners).hasSizeGreaterThanOrEqualTo(8);
    assertThat(shapes).containsExactlyInAnyOrder(DemoImages.Shape.values());
    assertThat(DemoImages.shapeFor(-3)).isIn((Object[]) DemoImages.Shape.values());
  }

  @Test
  void theLabelIsWrittenOnThePicture() {
    BufferedImage plain = decode(DemoImages.draw("", 7));
    BufferedImage labelled = decode(DemoImages.draw("Wireless Headphones", 7));
    int changed = 0;
    for (int y = 520; y < 595; y++) {
      for (int x = 40; x < 600; x++) {
        if (distance(plain.getRGB(x, y), labelled.getRGB(x, y)) > 60) {
          changed++;
        }
      }
    }
    assertThat(changed).isGreaterThan(2000);
    // well above the label, the two pictures are the same (up to JPEG noise)
    assertThat(distance(plain.getRGB(320, 40), labelled.getRGB(320, 40))).isLessThan(12);
  }

  @Test
  void longLabelsShrinkToFitAndShortOnesDoNot() {
    Font shortLabel = DemoImages.labelFont("Tea", CONTEXT);
    assertThat(shortLabel.getSize()).isEqualTo(DemoImages.MAX_FONT_SIZE);
    assertThat(shortLabel.getFamily()).isNotEmpty();

    String longLabel = "Stainless Steel Kettle 1.7 L XL";
    Font shrunk = DemoImages.labelFont(longLabel, CONTEXT);
    assertThat(shrunk.getSize2D()).isLessThan(DemoImages.MAX_FONT_SIZE).isGreaterThanOrEqualTo(DemoImages.MIN_FONT_SIZE);
    assertThat(shrunk.getStringBounds(longLabel, CONTEXT).getWidth()).isLessThanOrEqualTo(DemoImages.MAX_LABEL_WIDTH);
    assertThat(DemoImages.draw(longLabel, 3)).isNotEmpty();
    assertThat(DemoImages.draw(null, 3)).isEqualTo(DemoImages.draw("  ", 3));
  }

  @Test
  void drawingIsQuick() {
    for (int i = 0; i < 10; i++) {
      DemoImages.draw("Warm-up " + i, i);
    }
    int count = 30;
    long start = System.nanoTime();
    for (int i = 0; i < count; i++) {
      DemoImages.draw("Product number " + i, i);
    }
    double millisEach = (System.nanoTime() - start) / 1e6 / count;
    // the target is well under 50 ms; the bound leaves room for a busy build machine
    assertThat(millisEach).isLessThan(150);
  }

  private static int distance(int a, int b) {
    Color x = new Color(a);
    Color y = new Color(b);
    return Math.abs(x.getRed() - y.getRed()) + Math.abs(x.getGreen() - y.getGreen())
        + Math.abs(x.getBlue() - y.getBlue());
  }

  private static BufferedImage decode(byte[] bytes) {
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
}
