package io.polymart.catalog.image;

/**
 * A validated upload and its derived renditions. {@code original} is the uploaded bytes unchanged
 * (metadata such as EXIF included); the renditions are re-encoded and carry no metadata.
 */
public record ProcessedImage(ImageFormat format, int width, int height, byte[] original, Rendition thumbnail,
    Rendition medium) {

  /** A resized, re-encoded copy of the image. */
  public record Rendition(String contentType, String extension, int width, int height, byte[] bytes) {
  }
}
