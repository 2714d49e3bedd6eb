package io.polymart.core.image;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Removes the metadata a camera or phone writes into a photo (EXIF with GPS position, XMP, IPTC, text notes)
 * from the original before it is published, without re-encoding its pixels. Colour profiles stay. Input has
 * passed {@link ContainerCheck} and a full decode, so its structure is sound.
 * A JPEG's orientation is kept (see {@link ExifOrientation}).
 */
final class MetadataStripper {
  private MetadataStripper() {
  }

  static byte[] strip(ImageFormat format, byte[] bytes) {
    return switch (format) {
      case JPEG -> stripJpeg(bytes);
      case PNG -> stripPng(bytes);
      case WEBP -> stripWebp(bytes);
    };
  }

  /**
   * Drops APP1 (EXIF, XMP) and APP13 (IPTC) segments and comments; everything from the scan on is copied. An
   * EXIF orientation survives as a segment of its own, or browsers would show a phone photo on its side.
   */
  private static byte[] stripJpeg(byte[] bytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length);
    out.write(bytes, 0, 2); // SOI
    int orientation = ExifOrientation.read(bytes);
    if (orientation != ExifOrientation.NORMAL) {
      out.writeBytes(ExifOrientation.segment(orientation));
    }
    int at = 2;
    while (at + 4 <= bytes.length && (bytes[at] & 0xFF) == 0xFF) {
      int marker = bytes[at + 1] & 0xFF;
      if (marker == 0xDA) { // start of scan: entropy-coded data and the rest follow
        break;
      }
      int length = ((bytes[at + 2] & 0xFF) << 8) | (bytes[at + 3] & 0xFF);
      int end = at + 2 + length;
      if (length < 2 || end > bytes.length) {
        return bytes; // not the structure we expect: keep the file rather than guess
      }
      boolean metadata = marker == 0xE1 || marker == 0xED || marker == 0xFE;
      if (!metadata) {
        out.write(bytes, at, end - at);
      }
      at = end;
    }
    out.write(bytes, at, bytes.length - at);
    return out.toByteArray();
  }

  /** Drops the EXIF and XMP chunks of an extended WebP, clearing their flags in VP8X and fixing the RIFF size. */
  private static byte[] stripWebp(byte[] bytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length);
    out.write(bytes, 0, 12); // "RIFF", size (fixed below), "WEBP"
    int at = 12;
    while (at + 8 <= bytes.length) {
      String type = new String(bytes, at, 4, StandardCharsets.US_ASCII);
      long size = (bytes[at + 4] & 0xFFL) | (bytes[at + 5] & 0xFFL) << 8 | (bytes[at + 6] & 0xFFL) << 16
          | (bytes[at + 7] & 0xFFL) << 24;
      long end = at + 8 + size + (size & 1);
      if (end > bytes.length) {
        return bytes;
      }
      if (!type.equals("EXIF") && !type.equals("XMP ")) {
        byte[] chunk = Arrays.copyOfRange(bytes, at, (int) end);
        if (type.equals("VP8X")) {
          chunk[8] &= (byte) ~0x0C; // the EXIF (0x08) and XMP (0x04) flags
        }
        out.writeBytes(chunk);
      }
      at = (int) end;
    }
    byte[] result = out.toByteArray();
    int riffSize = result.length - 8;
    result[4] = (byte) riffSize;
    result[5] = (byte) (riffSize >>> 8);
    result[6] = (byte) (riffSize >>> 16);
    result[7] = (byte) (riffSize >>> 24);
    return result;
  }

  /** Drops the eXIf chunk and the text chunks (tEXt, zTXt, iTXt), which is where XMP and notes live. */
  private static byte[] stripPng(byte[] bytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length);
    out.write(bytes, 0, 8); // signature
    int at = 8;
    while (at + 12 <= bytes.length) {
      int length = ((bytes[at] & 0xFF) << 24) | ((bytes[at + 1] & 0xFF) << 16) | ((bytes[at + 2] & 0xFF) << 8)
          | (bytes[at + 3] & 0xFF);
      long end = (long) at + 12 + length;
      if (length < 0 || end > bytes.length) {
        return bytes;
      }
      String type = new String(bytes, at + 4, 4, StandardCharsets.US_ASCII);
      boolean metadata = type.equals("eXIf") || type.equals("tEXt") || type.equals("zTXt") || type.equals("iTXt");
      if (!metadata) {
        out.write(bytes, at, (int) end - at);
      }
      at = (int) end;
    }
    out.write(bytes, at, bytes.length - at);
    return out.toByteArray();
  }
}
