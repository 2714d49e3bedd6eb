package io.polymart.core.image;

import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * The EXIF orientation of a JPEG (1 to 8): phones store pixels as the sensor saw them and say in this tag how to
 * turn them for display. Renditions are turned accordingly, and the published original keeps just this tag.
 */
final class ExifOrientation {
  static final int NORMAL = 1;
  private static final int TAG = 0x0112;
  private static final byte[] EXIF_HEADER = "Exif\0\0".getBytes(StandardCharsets.ISO_8859_1);

  private ExifOrientation() {
  }

  /** The orientation in the JPEG's EXIF segment; {@link #NORMAL} when there is none or it cannot be read. */
  static int read(byte[] jpeg) {
    int at = 2;
    while (at + 4 <= jpeg.length && (jpeg[at] & 0xFF) == 0xFF) {
      int marker = jpeg[at + 1] & 0xFF;
      int length = ((jpeg[at + 2] & 0xFF) << 8) | (jpeg[at + 3] & 0xFF);
      if (marker == 0xDA || length < 2 || at + 2 + length > jpeg.length) {
        return NORMAL;
      }
      if (marker == 0xE1 && startsWith(jpeg, at + 4, EXIF_HEADER)) {
        return fromTiff(jpeg, at + 4 + EXIF_HEADER.length, at + 2 + length);
      }
      at += 2 + length;
    }
    return NORMAL;
  }

  private static int fromTiff(byte[] bytes, int start, int end) {
    try {
      ByteBuffer tiff = ByteBuffer.wrap(bytes, start, end - start).slice();
      tiff.order(tiff.get(0) == 'I' ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
      int ifd = tiff.getInt(4);
      int entries = tiff.getShort(ifd) & 0xFFFF;
      for (int i = 0; i < entries; i++) {
        int entry = ifd + 2 + i * 12;
        if ((tiff.getShort(entry) & 0xFFFF) == TAG) {
          int value = tiff.getShort(entry + 8) & 0xFFFF;
          return value >= 1 && value <= 8 ? value : NORMAL;
        }
      }
    } catch (IndexOutOfBoundsException damaged) {
      // a broken EXIF block only loses its orientation
    }
    return NORMAL;
  }

  /** An APP1 segment holding nothing but the orientation tag. */
  static byte[] segment(int orientation) {
    ByteBuffer segment = ByteBuffer.allocate(36).order(ByteOrder.BIG_ENDIAN);
    segment.put((byte) 0xFF).put((byte) 0xE1).putShort((short) 34).put(EXIF_HEADER)
        .put((byte) 'M').put((byte) 'M').putShort((short) 42).putInt(8)
        .putShort((short) 1)
        .putShort((short) TAG).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0)
        .putInt(0);
    return segment.array();
  }

  static boolean swapsSides(int orientation) {
    return orientation >= 5;
  }

  /** The image as it should be displayed. */
  static BufferedImage apply(BufferedImage image, int orientation) {
    if (orientation == NORMAL) {
      return image;
    }
    int width = image.getWidth();
    int height = image.getHeight();
    boolean swap = swapsSides(orientation);
    int outWidth = swap ? height : width;
    int outHeight = swap ? width : height;
    int[] in = image.getRGB(0, 0, width, height, null, 0, width);
    int[] out = new int[in.length];
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        int tx;
        int ty;
        switch (orientation) {
          case 2 -> { tx = width - 1 - x; ty = y; }
          case 3 -> { tx = width - 1 - x; ty = height - 1 - y; }
          case 4 -> { tx = x; ty = height - 1 - y; }
          case 5 -> { tx = y; ty = x; }
          case 6 -> { tx = height - 1 - y; ty = x; }
          case 7 -> { tx = height - 1 - y; ty = width - 1 - x; }
          default -> { tx = y; ty = width - 1 - x; } // 8
        }
        out[ty * outWidth + tx] = in[y * width + x];
      }
    }
    BufferedImage turned = new BufferedImage(outWidth, outHeight, image.getType() == 0
        ? BufferedImage.TYPE_INT_ARGB : image.getType());
    turned.setRGB(0, 0, outWidth, outHeight, out, 0, outWidth);
    return turned;
  }

  private static boolean startsWith(byte[] bytes, int at, byte[] prefix) {
    if (at + prefix.length > bytes.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (bytes[at + i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}
