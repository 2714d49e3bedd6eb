package io.polymart.catalog.image;

import io.polymart.core.image.ProcessedImage;

import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/** Where an image's three objects live in the bucket: {@code products/<product>/<image>/<size>.<ext>}. */
public record StoredImage(String originalKey, String mediumKey, String thumbnailKey) {
  /** Keys this service ever writes; anything else asked of {@code /media/} does not exist. */
  public static final Pattern KEY = Pattern.compile(
      "products/[0-9a-f-]{36}/[0-9a-f-]{36}/(original|medium|thumbnail)\\.(jpg|png|webp)");

  static StoredImage keys(UUID productId, UUID imageId, ProcessedImage image) {
    String base = "products/" + productId + "/" + imageId + "/";
    return new StoredImage(base + "original." + image.format().extension(),
        base + "medium." + image.medium().extension(), base + "thumbnail." + image.thumbnail().extension());
  }

  public static String contentType(String key) {
    if (key.endsWith(".png")) {
      return "image/png";
    }
    return key.endsWith(".webp") ? "image/webp" : "image/jpeg";
  }

  List<String> all() {
    return List.of(originalKey, mediumKey, thumbnailKey);
  }
}
