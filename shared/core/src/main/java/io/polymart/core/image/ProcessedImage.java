package io.polymart.core.image;

/**
 * A validated upload and its derived renditions. {@code original} is the upload with its pixels untouched and its
 * metadata removed (EXIF with the GPS position, XMP, IPTC, text notes), keeping only a JPEG's orientation tag. The
 * renditions are upright, re-encoded and carry no metadata.
 */
public record ProcessedImage(ImageFormat format, int width, int height, byte[] original, Rendition thumbnail,
    Rendition medium) {

  /** A resized, re-encoded copy of the image. */
  public record Rendition(String contentType, String extension, int width, int height, byte[] bytes) {
  }
}
