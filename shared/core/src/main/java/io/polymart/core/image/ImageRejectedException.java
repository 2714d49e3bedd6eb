package io.polymart.core.image;

import java.util.Locale;

/** An upload that is not an acceptable image. The message is safe to show a user. */
public final class ImageRejectedException extends RuntimeException {
  private final int status;
  private final String code;

  public ImageRejectedException(int status, String code, String message, Throwable cause) {
    super(message, cause);
    this.status = status;
    this.code = code;
  }

  public static ImageRejectedException emptyFile() {
    return new ImageRejectedException(400, "EMPTY_FILE", "The file is empty.", null);
  }

  public static ImageRejectedException tooLarge(long maxBytes) {
    return new ImageRejectedException(413, "PAYLOAD_TOO_LARGE",
        "The file is too large: the maximum is " + humanSize(maxBytes) + ".", null);
  }

  public static ImageRejectedException unsupportedType() {
    return new ImageRejectedException(415, "UNSUPPORTED_MEDIA_TYPE",
        "Only JPEG, PNG and WebP images are accepted.", null);
  }

  /** The cause is for the logs; it never reaches the message. */
  public static ImageRejectedException invalidImage(Throwable cause) {
    return new ImageRejectedException(400, "INVALID_IMAGE",
        "The image is damaged or incomplete and could not be read.", cause);
  }

  public static ImageRejectedException tooManyPixels(int maxPixels) {
    return new ImageRejectedException(400, "INVALID_IMAGE", String.format(Locale.ROOT,
        "The image dimensions are too large: the maximum is %.1f megapixels.", maxPixels / 1e6), null);
  }

  /** The HTTP status to answer with. */
  public int status() {
    return status;
  }

  /** The machine-readable error code. */
  public String code() {
    return code;
  }

  static String humanSize(long bytes) {
    if (bytes >= 1024 * 1024) {
      return trim(String.format(Locale.ROOT, "%.1f", bytes / (1024.0 * 1024))) + " MB";
    }
    if (bytes >= 1024) {
      return trim(String.format(Locale.ROOT, "%.1f", bytes / 1024.0)) + " KB";
    }
    return bytes + (bytes == 1 ? " byte" : " bytes");
  }

  private static String trim(String number) {
    return number.endsWith(".0") ? number.substring(0, number.length() - 2) : number;
  }
}
