package io.polymart.core.image;

import static io.polymart.core.image.ImageFormatTest.ascii;
import static io.polymart.core.image.ImageFormatTest.noise;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.polymart.core.image.ProcessedImage.Rendition;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ImageProcessorTest {
  private static final long MAX_BYTES = 10L * 1024 * 1024;
  private static final int MAX_PIXELS = 40_000_000;

  private final ImageProcessor processor = new ImageProcessor(MAX_BYTES, MAX_PIXELS);

  // --- what is refused, and how ---

  @Test
  void anEmptyFileIsRefused() {
    assertRejected(rejection(new byte[0]), 400, "EMPTY_FILE");
    assertRejected(rejection(null), 400, "EMPTY_FILE");
  }

  @Test
  void aFileOverTheLimitIsRefusedBeforeAnythingElse() {
    byte[] png = TestImages.png(300, 300);
    assertThat(new ImageProcessor(png.length, MAX_PIXELS).process(png).width()).isEqualTo(300);

    ImageRejectedException e = rejection(new ImageProcessor(png.length - 1, MAX_PIXELS), png);
    assertRejected(e, 413, "PAYLOAD_TOO_LARGE");
    // even when it is not an image at all
    assertRejected(rejection(new ImageProcessor(10, MAX_PIXELS), ascii("a text file of some length")), 413,
        "PAYLOAD_TOO_LARGE");
    assertThat(rejection(new ImageProcessor(5 * 1024 * 1024, MAX_PIXELS), new byte[5 * 1024 * 1024 + 1]).getMessage())
        .isEqualTo("The file is too large: the maximum is 5 MB.");
  }

  @Test
  void bytesThatAreNotJpegPngOrWebpAreUnsupported() {
    byte[] gif = TestImages.encode(TestImages.gradient(40, 30, BufferedImage.TYPE_INT_RGB), "gif");
    byte[] bmp = TestImages.encode(TestImages.gradient(40, 30, BufferedImage.TYPE_INT_RGB), "bmp");
    for (byte[] bytes : List.of(ascii("Hello, this is a text file.\n"), ascii("%PDF-1.4\n1 0 obj\n<<>>\nendobj\n"),
        gif, bmp, noise(4096, 7), ascii("RIFF\u0024\u0000\u0000\u0000WAVEfmt "))) {
      ImageRejectedException e = rejection(bytes);
      assertRejected(e, 415, "UNSUPPORTED_MEDIA_TYPE");
      assertThat(e.getMessage()).isEqualTo("Only JPEG, PNG and WebP images are accepted.");
    }
  }

  @Test
  void aTruncatedJpegIsInvalid() {
    byte[] jpeg = TestImages.jpeg(320, 240);
    assertThat(processor.process(jpeg).width()).isEqualTo(320);
    // The JPEG decoder fills in what is missing and only warns, so all of these would otherwise pass.
    for (int length : new int[] {jpeg.length - 1, jpeg.length - 2, jpeg.length - 10, jpeg.length - 100,
        jpeg.length / 2, jpeg.length / 4, 700}) {
      assertInvalid(Arrays.copyOf(jpeg, length));
    }
    assertThat(rejection(Arrays.copyOf(jpeg, jpeg.length / 2)).getMessage())
        .isEqualTo("The image is damaged or incomplete and could not be read.");
  }

  @ParameterizedTest(name = "cut to {0}% of its length")
  @ValueSource(ints = {99, 50, 10, 2})
  void aTruncatedProgressiveJpegIsInvalid(int percent) throws Exception {
    byte[] jpeg = progressiveJpeg(320, 240);
    assertThat(processor.process(jpeg).width()).isEqualTo(320);
    assertInvalid(Arrays.copyOf(jpeg, jpeg.length * percent / 100));
  }

  @Test
  void aTruncatedPngIsInvalid() {
    byte[] png = TestImages.png(320, 240);
    assertThat(processor.process(png).width()).isEqualTo(320);
    // Cut by up to 20 bytes (IEND, the last CRC, the zlib checksum), the JDK decoder still succeeds.
    for (int length : new int[] {png.length - 1, png.length - 4, png.length - 12, png.length - 13, png.length - 20,
        png.length - 100, png.length / 2, 60, 33, 20}) {
      assertInvalid(Arrays.copyOf(png, length));
    }
  }

  @Test
  void aPngWithACorruptedImageChunkIsInvalid() {
    byte[] png = TestImages.png(320, 240);
    int idat = indexOf(png, ascii("IDAT"));
    png[idat + 200] ^= 0x55;
    assertInvalid(png);
  }

  @ParameterizedTest
  @ValueSource(strings = {"lossy-64x48.webp", "lossy-alpha-64x48.webp", "lossless-alpha-64x48.webp"})
  void aTruncatedWebpIsInvalid(String name) {
    byte[] webp = TestImages.resource(name);
    assertThat(processor.process(webp).width()).isEqualTo(64);
    // every possible cut: the lossless decoder, for one, accepts some of them without complaint
    for (int length = webp.length - 1; length >= 12; length--) {
      assertInvalid(Arrays.copyOf(webp, length));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "VP8 ", "VP8L", "VP8X", "ALPH"})
  void aWebpHeaderWithAGarbageBodyIsInvalid(String firstChunk) {
    for (long seed = 1; seed <= 20; seed++) {
      byte[] body = noise(200, seed);
      if (!firstChunk.isEmpty()) {
        // a well-formed chunk, so that the garbage reaches the decoder
        System.arraycopy(ascii(firstChunk), 0, body, 0, 4);
        ByteBuffer.wrap(body, 4, 4).order(ByteOrder.LITTLE_ENDIAN).putInt(body.length - 8);
      }
      assertInvalid(riff(body));
    }
  }

  @Test
  void hugeDeclaredDimensionsAreRefusedBeforeDecoding() {
    assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
      assertTooManyPixels(processor, pngClaiming(100_000, 100_000));
      assertTooManyPixels(processor, jpegClaiming(60_000, 60_000));
      assertTooManyPixels(processor, webpClaiming(16_384, 16_384));
    });
  }

  @Test
  void theMaximumPixelCountIsTheProcessorsOwn() {
    byte[] jpeg = TestImages.jpeg(64, 48);
    assertThat(new ImageProcessor(MAX_BYTES, 64 * 48).process(jpeg).width()).isEqualTo(64);
    assertTooManyPixels(new ImageProcessor(MAX_BYTES, 64 * 48 - 1), jpeg);
  }

  // --- what is accepted, and what comes out ---

  static Stream<Arguments> sizes() {
    return Stream.of(
        Arguments.of(1600, 1200, 200, 150, 800, 600),
        Arguments.of(1200, 1600, 150, 200, 600, 800),
        Arguments.of(100, 80, 100, 80, 100, 80),
        Arguments.of(500, 300, 200, 120, 500, 300),
        Arguments.of(801, 400, 200, 100, 800, 400),
        Arguments.of(3000, 5, 200, 1, 800, 1));
  }

  @ParameterizedTest(name = "{0}x{1} -> thumbnail {2}x{3}, medium {4}x{5}")
  @MethodSource("sizes")
  void renditionsFitTheirBoxWithoutUpscaling(int width, int height, int thumbWidth, int thumbHeight, int mediumWidth,
      int mediumHeight) {
    byte[] jpeg = TestImages.jpeg(width, height);
    ProcessedImage image = processor.process(jpeg);

    assertThat(image.format()).isEqualTo(ImageFormat.JPEG);
    assertThat(image.width()).isEqualTo(width);
    assertThat(image.height()).isEqualTo(height);
    assertThat(image.original()).as("nothing to strip: the bytes as sent").isEqualTo(jpeg);
    assertRendition(image.thumbnail(), ImageFormat.JPEG, thumbWidth, thumbHeight);
    assertRendition(image.medium(), ImageFormat.JPEG, mediumWidth, mediumHeight);
  }

  @Test
  void aLargeImageIsDecodedSubsampledYetKeepsItsSizeAndExactRenditionSizes() {
    assertThat(ImageProcessor.decodeStep(1600, 1200)).isEqualTo(1);
    assertThat(ImageProcessor.decodeStep(3300, 2000)).isEqualTo(2);
    assertThat(ImageProcessor.decodeStep(2000, 8000)).isEqualTo(5);
    byte[] jpeg = TestImages.jpeg(3300, 2000);

    ProcessedImage image = processor.process(jpeg);

    assertThat(image.width()).isEqualTo(3300);
    assertThat(image.height()).isEqualTo(2000);
    assertRendition(image.medium(), ImageFormat.JPEG, 800, 485);
    assertRendition(image.thumbnail(), ImageFormat.JPEG, 200, 121);
  }

  @Test
  void anOpaquePngGivesJpegRenditions() {
    ProcessedImage image = processor.process(TestImages.png(1600, 1200));
    assertThat(image.format()).isEqualTo(ImageFormat.PNG);
    assertRendition(image.thumbnail(), ImageFormat.JPEG, 200, 150);
    assertRendition(image.medium(), ImageFormat.JPEG, 800, 600);
  }

  @Test
  void aGreyJpegIsProcessed() {
    byte[] grey = TestImages.encode(TestImages.gradient(400, 300, BufferedImage.TYPE_BYTE_GRAY), "jpg");
    ProcessedImage image = processor.process(grey);
    assertRendition(image.thumbnail(), ImageFormat.JPEG, 200, 150);
    assertRendition(image.medium(), ImageFormat.JPEG, 400, 300);
  }

  @Test
  void aPngWithAlphaGivesPngRenditionsThatStayTransparent() {
    BufferedImage source = new BufferedImage(300, 200, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = source.createGraphics();
    g.setColor(Color.RED);
    g.fillRect(150, 0, 150, 200); // left half stays fully transparent
    g.dispose();
    ProcessedImage image = processor.process(TestImages.encode(source, "png"));

    assertRendition(image.medium(), ImageFormat.PNG, 300, 200);
    BufferedImage thumbnail = assertRendition(image.thumbnail(), ImageFormat.PNG, 200, 133);
    assertThat(thumbnail.getColorModel().hasAlpha()).isTrue();
    assertThat(thumbnail.getRGB(20, 60) >>> 24).isZero();
    assertThat(thumbnail.getRGB(180, 60)).isEqualTo(0xFFFF0000);
  }

  @Test
  void aPalettePngWithATransparentEntryKeepsItsTransparencyAndColours() {
    IndexColorModel palette = new IndexColorModel(8, 3, new byte[] {0, (byte) 255, 0}, new byte[] {0, 0, (byte) 255},
        new byte[] {0, 0, 0}, 0);
    BufferedImage source = new BufferedImage(400, 400, BufferedImage.TYPE_BYTE_INDEXED, palette);
    for (int y = 0; y < 400; y++) {
      for (int x = 0; x < 400; x++) {
        source.getRaster().setSample(x, y, 0, x < 100 ? 0 : y < 200 ? 1 : 2);
      }
    }
    ProcessedImage image = processor.process(TestImages.encode(source, "png"));

    BufferedImage thumbnail = assertRendition(image.thumbnail(), ImageFormat.PNG, 200, 200);
    assertThat(thumbnail.getRGB(10, 50) >>> 24).isZero();
    assertThat(thumbnail.getRGB(150, 50)).isEqualTo(0xFFFF0000);
    assertThat(thumbnail.getRGB(150, 150)).isEqualTo(0xFF00FF00);
  }

  @Test
  void aLossyWebpIsDecoded() {
    ProcessedImage image = processor.process(TestImages.resource("lossy-64x48.webp"));

    assertThat(image.format()).isEqualTo(ImageFormat.WEBP);
    assertThat(image.width()).isEqualTo(64);
    assertThat(image.height()).isEqualTo(48);
    BufferedImage thumbnail = assertRendition(image.thumbnail(), ImageFormat.JPEG, 64, 48);
    assertRendition(image.medium(), ImageFormat.JPEG, 64, 48);
    // the fixture is a gradient: red grows left to right, green top to bottom, blue is 128
    assertColourNear(thumbnail.getRGB(1, 1), 0, 0, 128);
    assertColourNear(thumbnail.getRGB(62, 1), 255, 0, 128);
    assertColourNear(thumbnail.getRGB(1, 46), 0, 255, 128);
    assertColourNear(thumbnail.getRGB(62, 46), 255, 255, 128);
  }

  @Test
  void aLosslessWebpWithAlphaIsDecodedExactly() {
    ProcessedImage image = processor.process(TestImages.resource("lossless-alpha-64x48.webp"));

    assertThat(image.format()).isEqualTo(ImageFormat.WEBP);
    BufferedImage thumbnail = assertRendition(image.thumbnail(), ImageFormat.PNG, 64, 48);
    // left half opaque, right half alpha 64; red = 255 * x / 63, green = 255 * y / 47
    assertThat(thumbnail.getRGB(10, 20)).isEqualTo(argb(255, 255 * 10 / 63, 255 * 20 / 47, 128));
    assertThat(thumbnail.getRGB(50, 20)).isEqualTo(argb(64, 255 * 50 / 63, 255 * 20 / 47, 128));
  }

  @Test
  void aLossyWebpWithAlphaGivesPngRenditions() {
    ProcessedImage image = processor.process(TestImages.resource("lossy-alpha-64x48.webp"));
    BufferedImage medium = assertRendition(image.medium(), ImageFormat.PNG, 64, 48);
    assertThat(medium.getRGB(10, 20) >>> 24).isEqualTo(255);
    assertThat(medium.getRGB(50, 20) >>> 24).isBetween(56, 72);
  }

  @Test
  void transparencyBecomesWhiteNotBlackInJpeg() {
    BufferedImage transparent = new BufferedImage(40, 40, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = transparent.createGraphics();
    g.setColor(new Color(255, 0, 0, 128));
    g.fillRect(20, 0, 20, 40);
    g.dispose();

    BufferedImage jpeg = TestImages.decode(ImageEncoding.jpeg(transparent, ImageProcessor.JPEG_QUALITY));
    assertColourNear(jpeg.getRGB(5, 20), 255, 255, 255);
    assertColourNear(jpeg.getRGB(35, 20), 255, 127, 127);
  }

  @Test
  void oneProcessorServesManyThreads() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<ProcessedImage>> results = new ArrayList<>();
      for (int i = 0; i < 12; i++) {
        int width = 400 + 40 * i;
        byte[] bytes = i % 2 == 0 ? TestImages.jpeg(width, 300) : TestImages.png(width, 300);
        results.add(pool.submit(() -> processor.process(bytes)));
      }
      for (int i = 0; i < results.size(); i++) {
        ProcessedImage image = results.get(i).get();
        int width = 400 + 40 * i;
        assertThat(image.width()).isEqualTo(width);
        assertThat(image.format()).isEqualTo(i % 2 == 0 ? ImageFormat.JPEG : ImageFormat.PNG);
        assertRendition(image.thumbnail(), ImageFormat.JPEG, 200, (int) Math.round(300 * 200.0 / width));
      }
    } finally {
      pool.shutdownNow();
    }
  }

  // --- helpers ---

  private ImageRejectedException rejection(byte[] bytes) {
    return rejection(processor, bytes);
  }

  private static ImageRejectedException rejection(ImageProcessor processor, byte[] bytes) {
    Throwable thrown = catchThrowable(() -> processor.process(bytes));
    assertThat(thrown).isInstanceOf(ImageRejectedException.class);
    return (ImageRejectedException) thrown;
  }

  private static void assertRejected(ImageRejectedException e, int status, String code) {
    assertThat(e.status()).isEqualTo(status);
    assertThat(e.code()).isEqualTo(code);
  }

  private void assertInvalid(byte[] bytes) {
    assertRejected(rejection(bytes), 400, "INVALID_IMAGE");
  }

  private static void assertTooManyPixels(ImageProcessor processor, byte[] bytes) {
    ImageRejectedException e = rejection(processor, bytes);
    assertRejected(e, 400, "INVALID_IMAGE");
    assertThat(e.getMessage()).startsWith("The image dimensions are too large");
  }

  private static BufferedImage assertRendition(Rendition rendition, ImageFormat format, int width, int height) {
    assertThat(rendition.contentType()).isEqualTo(format.contentType());
    assertThat(rendition.extension()).isEqualTo(format.extension());
    assertThat(rendition.width()).isEqualTo(width);
    assertThat(rendition.height()).isEqualTo(height);
    assertThat(ImageFormat.detect(rendition.bytes())).contains(format);
    BufferedImage decoded = TestImages.decode(rendition.bytes());
    assertThat(decoded.getWidth()).isEqualTo(width);
    assertThat(decoded.getHeight()).isEqualTo(height);
    return decoded;
  }

  private static void assertColourNear(int rgb, int red, int green, int blue) {
    Color colour = new Color(rgb);
    assertThat(colour.getRed()).as("red of %08x", rgb).isCloseTo(red, within(24));
    assertThat(colour.getGreen()).as("green of %08x", rgb).isCloseTo(green, within(24));
    assertThat(colour.getBlue()).as("blue of %08x", rgb).isCloseTo(blue, within(24));
  }

  private static int argb(int alpha, int red, int green, int blue) {
    return alpha << 24 | red << 16 | green << 8 | blue;
  }

  private static byte[] progressiveJpeg(int width, int height) throws Exception {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    ImageWriteParam param = writer.getDefaultWriteParam();
    param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
      writer.setOutput(stream);
      writer.write(null, new IIOImage(TestImages.gradient(width, height, BufferedImage.TYPE_INT_RGB), null, null), param);
    } finally {
      writer.dispose();
    }
    return out.toByteArray();
  }

  /** A well-formed PNG whose header claims the size but whose data is a few bytes. */
  private static byte[] pngClaiming(int width, int height) {
    ByteBuffer header = ByteBuffer.allocate(13).putInt(width).putInt(height).put(new byte[] {8, 2, 0, 0, 0});
    Deflater deflater = new Deflater();
    deflater.setInput(new byte[64]);
    deflater.finish();
    byte[] data = new byte[128];
    data = Arrays.copyOf(data, deflater.deflate(data));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
    out.writeBytes(pngChunk("IHDR", header.array()));
    out.writeBytes(pngChunk("IDAT", data));
    out.writeBytes(pngChunk("IEND", new byte[0]));
    return out.toByteArray();
  }

  private static byte[] pngChunk(String type, byte[] data) {
    CRC32 crc = new CRC32();
    crc.update(ascii(type));
    crc.update(data);
    return ByteBuffer.allocate(12 + data.length).putInt(data.length).put(ascii(type)).put(data)
        .putInt((int) crc.getValue()).array();
  }

  /** A real JPEG with its frame header (SOF0) rewritten to claim the size. */
  private static byte[] jpegClaiming(int width, int height) {
    byte[] jpeg = TestImages.jpeg(16, 16);
    int sof = indexOf(jpeg, new byte[] {(byte) 0xFF, (byte) 0xC0});
    ByteBuffer.wrap(jpeg, sof + 5, 4).putShort((short) height).putShort((short) width);
    return jpeg;
  }

  /** An extended WebP whose canvas (VP8X) claims the size, followed by a real 64x48 image. */
  private static byte[] webpClaiming(int width, int height) {
    byte[] real = TestImages.resource("lossy-64x48.webp");
    ByteBuffer vp8x = ByteBuffer.allocate(18).order(ByteOrder.LITTLE_ENDIAN);
    vp8x.put(ascii("VP8X")).putInt(10).putInt(0);
    vp8x.put(int24(width - 1)).put(int24(height - 1));
    byte[] body = new byte[18 + real.length - 12];
    System.arraycopy(vp8x.array(), 0, body, 0, 18);
    System.arraycopy(real, 12, body, 18, real.length - 12);
    return riff(body);
  }

  private static byte[] int24(int value) {
    return new byte[] {(byte) value, (byte) (value >> 8), (byte) (value >> 16)};
  }

  /** "RIFF", the right size, "WEBP", then the body. */
  private static byte[] riff(byte[] body) {
    return ByteBuffer.allocate(12 + body.length).order(ByteOrder.LITTLE_ENDIAN).put(ascii("RIFF"))
        .putInt(4 + body.length).put(ascii("WEBP")).put(body).array();
  }

  private static int indexOf(byte[] bytes, byte[] part) {
    outer:
    for (int i = 0; i <= bytes.length - part.length; i++) {
      for (int j = 0; j < part.length; j++) {
        if (bytes[i + j] != part[j]) {
          continue outer;
        }
      }
      return i;
    }
    throw new IllegalArgumentException("not found: " + new String(part, StandardCharsets.ISO_8859_1));
  }
}
