package io.polymart.storefront;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The storefront's static files ({@code storefront/assets/} on the class path), each served under a name that
 * carries a hash of its content ({@code site.3f2a9c1b7d.css}), so browsers may keep it for a year: a changed file
 * gets a new name.
 */
final class Assets {
  private static final String DIRECTORY = "storefront/assets/";
  private static final List<String> FILES = List.of("site.css", "site.js", "favicon.svg");
  private static final Map<String, String> TYPES = Map.of("css", "text/css; charset=utf-8",
      "js", "text/javascript; charset=utf-8", "svg", "image/svg+xml");

  /** A file's content and type. */
  record Asset(String contentType, String content) {
  }

  private final Map<String, String> urls = new LinkedHashMap<>();
  private final Map<String, Asset> byHashedName = new LinkedHashMap<>();

  /** Reads the files from the class path: blocking, once, at start. */
  static Assets load() {
    Assets assets = new Assets();
    for (String file : FILES) {
      String content = read(file);
      int dot = file.lastIndexOf('.');
      String hashed = file.substring(0, dot) + "." + hash(content) + file.substring(dot);
      assets.urls.put(file, "/assets/" + hashed);
      assets.byHashedName.put(hashed, new Asset(TYPES.get(file.substring(dot + 1)), content));
    }
    return assets;
  }

  /** The URL of a file by its plain name ({@code site.css}), for the pages. */
  Map<String, String> urls() {
    return urls;
  }

  /** The file with this hashed name; null when there is none (an old hash, a made-up name). */
  Asset byHashedName(String name) {
    return byHashedName.get(name);
  }

  private static String read(String file) {
    try (InputStream in = Assets.class.getClassLoader().getResourceAsStream(DIRECTORY + file)) {
      if (in == null) {
        throw new IllegalStateException("Missing storefront asset " + DIRECTORY + file);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String hash(String content) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 5);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
