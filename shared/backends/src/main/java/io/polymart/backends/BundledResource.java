package io.polymart.backends;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLConnection;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.jar.JarEntry;

/**
 * A binary shipped as a classpath resource (PostgreSQL's archive, Redis's executable), unpacked into a directory named
 * by its {@link #fingerprint}, once per content.
 */
record BundledResource(String name, URL url) {

  /** The resource {@code name} as {@code loader} finds it, if it does. */
  static Optional<BundledResource> find(ClassLoader loader, String name) {
    return Optional.ofNullable(loader.getResource(name)).map(url -> new BundledResource(name, url));
  }

  /**
   * 16 hex digits that change with the content: in a jar, its entry's CRC-32 and size, which the jar's directory
   * holds, so that a start does not read and hash the whole resource (for PostgreSQL's 15 MB and Redis's 10 MB, about
   * 0.2 s of CPU and 50 MB of garbage in a start); elsewhere the start of its SHA-256.
   */
  String fingerprint() {
    try {
      URLConnection connection = url.openConnection();
      if (connection instanceof JarURLConnection jar) {
        JarEntry entry = jar.getJarEntry();
        if (entry.getCrc() != -1 && entry.getSize() != -1) {
          return String.format("%08x%08x", entry.getCrc(), entry.getSize() & 0xffffffffL);
        }
      }
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes())).substring(0, 16);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read " + name, e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  byte[] bytes() {
    try (InputStream in = url.openStream()) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read " + name, e);
    }
  }
}
