package io.polymart.core.image;

import io.polymart.core.image.ProcessedImage.Rendition;
import java.awt.Dimension;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import net.coobird.thumbnailator.Thumbnails;

/**
 * Validates an uploaded image and derives its thumbnail and medium renditions. Blocking and
 * CPU-heavy: run it on a worker thread. Holds no mutable state, so one instance can serve all threads.
 */
public final class ImageProcessor {
  static final int THUMBNAIL_BOX = 200;
  static final int MEDIUM_BOX = 800;
  static final float JPEG_QUALITY = 0.85f;

  static {
    // The WebP reader registers through META-INF/services; rescan in case ImageIO was first
    // initialised under a class loader that could not see it.
    ImageIO.scanForPlugins();
  }

  private final long maxBytes;
  private final int maxPixels;

  public ImageProcessor(long maxBytes, int maxPixels) {
    if (maxBytes <= 0 || maxPixels <= 0) {
      throw new IllegalArgumentException("maxBytes and maxPixels must be positive");
    }
    this.maxBytes = maxBytes;
    this.maxPixels = maxPixels;
  }

  /** @throws ImageRejectedException if the bytes are not an acceptable image */
  public ProcessedImage process(byte[] bytes) {
    if (bytes == null || bytes.length == 0) {
      throw ImageRejectedException.emptyFile();
    }
    if (bytes.length > maxBytes) {
      throw ImageRejectedException.tooLarge(maxBytes);
    }
    ImageFormat format = ImageFormat.detect(bytes).orElseThrow(ImageRejectedException::unsupportedType);
    if (!ContainerCheck.isComplete(format, bytes)) {
      throw ImageRejectedException.invalidImage(null);
    }
    Decoded decoded = decode(format, bytes);
    BufferedImage image = decoded.image();
    boolean alpha = image.getColorModel().hasAlpha();
    int orientation = format == ImageFormat.JPEG ? ExifOrientation.read(bytes) : ExifOrientation.NORMAL;
    boolean turned = ExifOrientation.swapsSides(orientation);
    int width = turned ? decoded.height() : decoded.width();
    int height = turned ? decoded.width() : decoded.height();

    // Turned upright after scaling down (the boxes are square), which is far cheaper than turning the original.
    BufferedImage medium = ExifOrientation.apply(
        resize(image, fit(decoded.width(), decoded.height(), MEDIUM_BOX), alpha), orientation);
    // The thumbnail is scaled from the medium image (cheaper), to the size computed from the original.
    Dimension thumbnailSize = fit(width, height, THUMBNAIL_BOX);
    BufferedImage thumbnail = resize(medium, thumbnailSize, alpha);
    return new ProcessedImage(format, width, height, MetadataStripper.strip(format, bytes), encode(thumbnail, alpha),
        encode(medium, alpha));
  }

  /** The decoded pixels, perhaps subsampled ({@link #decodeStep}), and the image's own size. */
  private record Decoded(BufferedImage image, int width, int height) {
  }

  /**
   * Every how many pixels the decoder keeps one, per side: the largest image allowed would take hundreds of MB
   * decoded in full, while the renditions need no more than twice the medium box (kept for a smooth scale-down).
   */
  static int decodeStep(int width, int height) {
    return Math.max(1, Math.max(width, height) / (2 * MEDIUM_BOX));
  }

  private Decoded decode(ImageFormat format, byte[] bytes) {
    ImageReader reader = readerFor(format);
    List<String> warnings = new ArrayList<>();
    try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
      reader.setInput(in, true, true);
      // The JPEG decoder pads a truncated or damaged file with grey and only reports a warning
      // ("Premature end of JPEG file"), so any warning means the image is not what was uploaded.
      reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
      // Reading the header only: refuse decompression bombs before allocating their pixels.
      int width = reader.getWidth(0);
      int height = reader.getHeight(0);
      if (width <= 0 || height <= 0 || (long) width * height > maxPixels) {
        throw ImageRejectedException.tooManyPixels(maxPixels);
      }
      ImageReadParam param = reader.getDefaultReadParam();
      int step = decodeStep(width, height);
      param.setSourceSubsampling(step, step, 0, 0);
      BufferedImage image = reader.read(0, param);
      if (!warnings.isEmpty()) {
        throw ImageRejectedException.invalidImage(new IOException("Decoder warnings: " + warnings));
      }
      return new Decoded(image, width, height);
    } catch (ImageRejectedException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      // Decoders fail on hostile input with all sorts of runtime exceptions (index out of bounds...).
      throw ImageRejectedException.invalidImage(e);
    } finally {
      reader.dispose();
    }
  }

  private static ImageReader readerFor(ImageFormat format) {
    Iterator<ImageReader> readers = ImageIO.getImageReadersByMIMEType(format.contentType());
    if (!readers.hasNext()) {
      throw new IllegalStateException("No ImageIO reader for " + format.contentType() + " on the class path");
    }
    return readers.next();
  }

  /** The size that fits in a box x box square keeping the aspect ratio, never larger than the original. */
  static Dimension fit(int width, int height, int box) {
    if (width <= box && height <= box) {
      return new Dimension(width, height);
    }
    double scale = Math.min((double) box / width, (double) box / height);
    return new Dimension(Math.max(1, (int) Math.round(width * scale)), Math.max(1, (int) Math.round(height * scale)));
  }

  private static BufferedImage resize(BufferedImage image, Dimension size, boolean alpha) {
    if (image.getWidth() == size.width && image.getHeight() == size.height) {
      return image;
    }
    try {
      // An explicit type: keeping an indexed source's type would squeeze the result into a default palette.
      return Thumbnails.of(image)
          .forceSize(size.width, size.height)
          .imageType(alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB)
          .asBufferedImage();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Rendition encode(BufferedImage image, boolean alpha) {
    ImageFormat format = alpha ? ImageFormat.PNG : ImageFormat.JPEG;
    byte[] bytes = alpha ? ImageEncoding.png(image) : ImageEncoding.jpeg(image, JPEG_QUALITY);
    return new Rendition(format.contentType(), format.extension(), image.getWidth(), image.getHeight(), bytes);
  }
}
