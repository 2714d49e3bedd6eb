package io.polymart.core.image;

import java.util.zip.CRC32;

/**
 * Checks that a PNG or WebP file is structurally complete. The decoders stop reading as soon as they
 * have their pixels, so without this a file cut inside its last chunk still decodes without a word.
 * Truncated JPEGs are caught by the decoder's warnings instead.
 */
final class ContainerCheck {
  private static final int IEND = 0x49454E44;

  private ContainerCheck() {
  }

  static boolean isComplete(ImageFormat format, byte[] bytes) {
    return switch (format) {
      case PNG -> pngComplete(bytes);
      case WEBP -> webpComplete(bytes);
      case JPEG -> true;
    };
  }

  /** Every chunk up to IEND is whole, and critical chunks have a correct CRC. */
  static boolean pngComplete(byte[] bytes) {
    long pos = 8;
    while (pos + 12 <= bytes.length) {
      int at = (int) pos;
      long length = readIntBigEndian(bytes, at) & 0xFFFFFFFFL;
      if (pos + 12 + length > bytes.length) {
        return false;
      }
      int type = readIntBigEndian(bytes, at + 4);
      boolean critical = (bytes[at + 4] & 0x20) == 0;
      if (critical && !crcMatches(bytes, at + 4, (int) length + 4, readIntBigEndian(bytes, at + 8 + (int) length))) {
        return false;
      }
      if (type == IEND) {
        return true;
      }
      pos += 12 + length;
    }
    return false;
  }

  /** The RIFF size fits in the file and the chunks inside it tile it exactly (odd sizes padded). */
  static boolean webpComplete(byte[] bytes) {
    if (bytes.length < 12) {
      return false;
    }
    long end = 8 + (readIntLittleEndian(bytes, 4) & 0xFFFFFFFFL);
    if (end > bytes.length || end < 20) {
      return false;
    }
    long pos = 12;
    while (pos + 8 <= end) {
      long size = readIntLittleEndian(bytes, (int) pos + 4) & 0xFFFFFFFFL;
      if (pos + 8 + size > end) {
        return false;
      }
      pos += 8 + size + (size & 1);
    }
    // an odd last chunk may lack its pad byte; anything shorter than a chunk header left over is not
    return pos == end || pos == end + 1;
  }

  private static boolean crcMatches(byte[] bytes, int offset, int length, int expected) {
    CRC32 crc = new CRC32();
    crc.update(bytes, offset, length);
    return (int) crc.getValue() == expected;
  }

  private static int readIntBigEndian(byte[] b, int at) {
    return (b[at] & 0xFF) << 24 | (b[at + 1] & 0xFF) << 16 | (b[at + 2] & 0xFF) << 8 | b[at + 3] & 0xFF;
  }

  private static int readIntLittleEndian(byte[] b, int at) {
    return (b[at + 3] & 0xFF) << 24 | (b[at + 2] & 0xFF) << 16 | (b[at + 1] & 0xFF) << 8 | b[at] & 0xFF;
  }
}
