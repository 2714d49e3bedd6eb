package io.polymart.core.image;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class ExifOrientationTest {
  private final ImageProcessor processor = new ImageProcessor(5_000_000, 40_000_000);

  /** 400x200 as stored: red on the left half, blue on the right. */
  private static byte[] sidewaysPhoto(int orientation) throws IOException {
    BufferedImage image = new BufferedImage(400, 200, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(Color.RED);
    g.fillRect(0, 0, 200, 200);
    g.setColor(Color.BLUE);
    g.fillRect(200, 0, 200, 200);
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "jpg", out);
    byte[] jpeg = out.toByteArray();
    ByteArrayOutputStream withExif = new ByteArrayOutputStream();
    withExif.write(jpeg, 0, 2);
    withExif.writeBytes(ExifOrientation.segment(orientation));
    withExif.write(jpeg, 2, jpeg.length - 2);
    return withExif.toByteArray();
  }

  @Test
  void theOrientationTagIsReadAndAbsentMeansNormal() throws IOException {
    assertThat(ExifOrientation.read(sidewaysPhoto(6))).isEqualTo(6);
    assertThat(ExifOrientation.read(TestImages.jpeg(10, 10))).isEqualTo(ExifOrientation.NORMAL);
  }

  @ParameterizedTest
  @CsvSource({"6, RED_TOP", "8, BLUE_TOP", "3, BLUE_LEFT", "1, RED_LEFT"})
  void renditionsAreTurnedUprightAndTheOriginalKeepsOnlyItsOrientation(int orientation, String expected)
      throws IOException {
    ProcessedImage image = processor.process(sidewaysPhoto(orientation));

    boolean turned = orientation >= 5;
    assertThat(image.width()).isEqualTo(turned ? 200 : 400);
    assertThat(image.height()).isEqualTo(turned ? 400 : 200);
    BufferedImage medium = ImageIO.read(new ByteArrayInputStream(image.medium().bytes()));
    assertThat(new int[] {medium.getWidth(), medium.getHeight()}).containsExactly(image.width(), image.height());
    assertThat(new int[] {image.thumbnail().width(), image.thumbnail().height()})
        .containsExactly(turned ? 100 : 200, turned ? 200 : 100);
    int w = medium.getWidth();
    int h = medium.getHeight();
    switch (expected) {
      case "RED_TOP" -> { assertRed(medium, w / 2, h / 4); assertBlue(medium, w / 2, 3 * h / 4); }
      case "BLUE_TOP" -> { assertBlue(medium, w / 2, h / 4); assertRed(medium, w / 2, 3 * h / 4); }
      case "BLUE_LEFT" -> { assertBlue(medium, w / 4, h / 2); assertRed(medium, 3 * w / 4, h / 2); }
      default -> { assertRed(medium, w / 4, h / 2); assertBlue(medium, 3 * w / 4, h / 2); }
    }
    assertThat(ExifOrientation.read(image.original())).isEqualTo(orientation);
  }

  @Test
  void aDamagedExifBlockOnlyLosesTheOrientation() throws IOException {
    byte[] photo = sidewaysPhoto(6);
    byte[] damaged = Arrays.copyOf(photo, photo.length);
    damaged[2 + 4 + 6 + 4 + 3] = 0x7F; // IFD0 offset now points far outside the segment
    assertThat(ExifOrientation.read(damaged)).isEqualTo(ExifOrientation.NORMAL);
  }

  private static void assertRed(BufferedImage image, int x, int y) {
    Color color = new Color(image.getRGB(x, y));
    assertThat(color.getRed()).as("red at %d,%d", x, y).isGreaterThan(200);
    assertThat(color.getBlue()).isLessThan(60);
  }

  private static void assertBlue(BufferedImage image, int x, int y) {
    Color color = new Color(image.getRGB(x, y));
    assertThat(color.getBlue()).as("blue at %d,%d", x, y).isGreaterThan(200);
    assertThat(color.getRed()).isLessThan(60);
  }
}
