package io.polymart.core.image;

import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

import static org.assertj.core.api.Assertions.assertThat;

class MetadataStripperTest {
  private static final String SECRET = "GPSLatitude 48.8584 N";
  private final ImageProcessor processor = new ImageProcessor(5_000_000, 40_000_000);

  @Test
  void aJpegLosesItsExifXmpAndCommentsButKeepsItsPixels() throws IOException {
    byte[] plain = TestImages.jpeg(320, 240);
    byte[] withMetadata = concat(slice(plain, 0, 2), segment(0xE1, "Exif\0\0" + SECRET),
        segment(0xE1, "http://ns.adobe.com/xap/1.0/\0" + SECRET), segment(0xFE, SECRET), slice(plain, 2, plain.length));
    assertThat(contains(withMetadata, SECRET)).isTrue();

    ProcessedImage image = processor.process(withMetadata);

    assertThat(contains(image.original(), SECRET)).isFalse();
    assertThat(image.original()).isEqualTo(plain);
    assertThat(pixels(image.original())).isEqualTo(pixels(withMetadata));
  }

  @Test
  void aPngLosesItsTextAndExifChunks() throws IOException {
    byte[] plain = TestImages.png(64, 48);
    byte[] withMetadata = concat(slice(plain, 0, 33), chunk("tEXt", "Comment\0" + SECRET),
        chunk("eXIf", "MM\0*" + SECRET), chunk("iTXt", "XML:com.adobe.xmp\0\0\0\0\0" + SECRET),
        slice(plain, 33, plain.length));

    ProcessedImage image = processor.process(withMetadata);

    assertThat(contains(image.original(), SECRET)).isFalse();
    assertThat(image.original()).isEqualTo(plain);
  }

  @Test
  void anExtendedWebpLosesItsExifAndXmpChunksAndTheirFlags() throws IOException {
    byte[] plain = TestImages.resource("lossy-alpha-64x48.webp");
    assertThat(new String(plain, 12, 4, StandardCharsets.US_ASCII)).isEqualTo("VP8X");
    byte[] withMetadata = concat(plain, webpChunk("EXIF", "MM\0*" + SECRET), webpChunk("XMP ", "<x>" + SECRET + "</x>"));
    withMetadata[20] |= 0x0C;
    ByteBuffer.wrap(withMetadata).order(ByteOrder.LITTLE_ENDIAN).putInt(4, withMetadata.length - 8);

    ProcessedImage image = processor.process(withMetadata);

    assertThat(contains(image.original(), SECRET)).isFalse();
    assertThat(image.original()).isEqualTo(plain);
    assertThat(ImageIO.read(new ByteArrayInputStream(image.original())).getWidth()).isEqualTo(64);
  }

  private static byte[] webpChunk(String type, String payload) {
    byte[] data = payload.getBytes(StandardCharsets.ISO_8859_1);
    ByteBuffer chunk = ByteBuffer.allocate(8 + data.length + (data.length & 1)).order(ByteOrder.LITTLE_ENDIAN);
    return chunk.put(type.getBytes(StandardCharsets.US_ASCII)).putInt(data.length).put(data).array();
  }

  private static int[] pixels(byte[] bytes) throws IOException {
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
    return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
  }

  private static byte[] segment(int marker, String payload) {
    byte[] data = payload.getBytes(StandardCharsets.ISO_8859_1);
    return ByteBuffer.allocate(4 + data.length).put((byte) 0xFF).put((byte) marker)
        .putShort((short) (data.length + 2)).put(data).array();
  }

  private static byte[] chunk(String type, String payload) {
    byte[] data = payload.getBytes(StandardCharsets.ISO_8859_1);
    byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
    CRC32 crc = new CRC32();
    crc.update(typeBytes);
    crc.update(data);
    return ByteBuffer.allocate(12 + data.length).putInt(data.length).put(typeBytes).put(data)
        .putInt((int) crc.getValue()).array();
  }

  private static byte[] slice(byte[] bytes, int from, int to) {
    return java.util.Arrays.copyOfRange(bytes, from, to);
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }

  private static boolean contains(byte[] bytes, String text) {
    return new String(bytes, StandardCharsets.ISO_8859_1).contains(text);
  }
}
