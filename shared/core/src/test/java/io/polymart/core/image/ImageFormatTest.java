package io.polymart.core.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ImageFormatTest {

  @Test
  void detectsRealFilesByTheirBytes() {
    assertThat(ImageFormat.detect(TestImages.jpeg(20, 10))).contains(ImageFormat.JPEG);
    assertThat(ImageFormat.detect(TestImages.png(20, 10))).contains(ImageFormat.PNG);
    assertThat(ImageFormat.detect(TestImages.resource("lossy-64x48.webp"))).contains(ImageFormat.WEBP);
    assertThat(ImageFormat.detect(TestImages.resource("lossless-alpha-64x48.webp"))).contains(ImageFormat.WEBP);
  }

  @Test
  void aPngUploadedAsPhotoDotJpgIsAPng() {
    byte[] uploadedAsPhotoJpg = TestImages.png(8, 8);
    assertThat(ImageFormat.detect(uploadedAsPhotoJpg)).contains(ImageFormat.PNG);
  }

  @Test
  void onlyTheMagicBytesMatter() {
    assertThat(ImageFormat.detect(bytes(0xFF, 0xD8, 0xFF))).contains(ImageFormat.JPEG);
    assertThat(ImageFormat.detect(bytes(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A))).contains(ImageFormat.PNG);
    assertThat(ImageFormat.detect(ascii("RIFF\0\0\0\0WEBP"))).contains(ImageFormat.WEBP);
  }

  @Test
  void otherBytesAreNoFormat() {
    assertThat(ImageFormat.detect(null)).isEmpty();
    assertThat(ImageFormat.detect(new byte[0])).isEmpty();
    assertThat(ImageFormat.detect(ascii("just some text, not a picture\n"))).isEmpty();
    assertThat(ImageFormat.detect(ascii("%PDF-1.7\n%âãÏÓ\n"))).isEmpty();
    assertThat(ImageFormat.detect(ascii("GIF89a\u0001\u0000\u0001\u0000"))).isEmpty();
    assertThat(ImageFormat.detect(ascii("RIFF\u0024\u0000\u0000\u0000WAVEfmt "))).isEmpty();
    assertThat(ImageFormat.detect(ascii("<svg xmlns=\"http://www.w3.org/2000/svg\"/>"))).isEmpty();
    assertThat(ImageFormat.detect(noise(64, 42))).isEmpty();
  }

  @Test
  void truncatedMagicIsNoFormat() {
    assertThat(ImageFormat.detect(bytes(0xFF, 0xD8))).isEmpty();
    assertThat(ImageFormat.detect(bytes(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A))).isEmpty();
    assertThat(ImageFormat.detect(ascii("RIFF\0\0\0\0WEB"))).isEmpty();
    assertThat(ImageFormat.detect(bytes(0xD8, 0xFF, 0xFF))).isEmpty();
  }

  @Test
  void contentTypesAndExtensions() {
    assertThat(ImageFormat.JPEG.contentType()).isEqualTo("image/jpeg");
    assertThat(ImageFormat.JPEG.extension()).isEqualTo("jpg");
    assertThat(ImageFormat.PNG.contentType()).isEqualTo("image/png");
    assertThat(ImageFormat.PNG.extension()).isEqualTo("png");
    assertThat(ImageFormat.WEBP.contentType()).isEqualTo("image/webp");
    assertThat(ImageFormat.WEBP.extension()).isEqualTo("webp");
  }

  static byte[] bytes(int... values) {
    byte[] bytes = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      bytes[i] = (byte) values[i];
    }
    return bytes;
  }

  static byte[] noise(int length, long seed) {
    byte[] bytes = new byte[length];
    new Random(seed).nextBytes(bytes);
    return bytes;
  }

  static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.ISO_8859_1);
  }
}
