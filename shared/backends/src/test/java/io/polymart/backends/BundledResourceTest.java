package io.polymart.backends;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.zip.CRC32;

import static org.assertj.core.api.Assertions.assertThat;

/** The name a bundled binary is unpacked under follows its content, in a jar (from its directory) or not. */
class BundledResourceTest {
  @TempDir
  Path dir;

  @Test
  void aResourceInAJarIsNamedByItsContentWithoutBeingRead() throws IOException {
    String first = fingerprintIn(jar("a.jar", "bin", "one binary"));
    CRC32 crc = new CRC32();
    crc.update("one binary".getBytes(StandardCharsets.UTF_8));
    assertThat(first).as("the entry's CRC-32 and size").isEqualTo(String.format("%08x%08x", crc.getValue(), 10));
    assertThat(fingerprintIn(jar("b.jar", "bin", "one binary"))).as("same content").isEqualTo(first);
    assertThat(fingerprintIn(jar("c.jar", "bin", "another binary"))).as("other content").isNotEqualTo(first);
  }

  @Test
  void aResourceInADirectoryIsNamedByItsDigest() throws IOException {
    Path classes = Files.createDirectories(dir.resolve("classes"));
    Files.writeString(classes.resolve("bin"), "one binary");
    String first = fingerprintIn(classes);
    assertThat(first).matches("[0-9a-f]{16}");
    Files.writeString(classes.resolve("bin"), "another binary");
    assertThat(fingerprintIn(classes)).isNotEqualTo(first);
  }

  @Test
  void aMissingResourceIsNotFound() throws IOException {
    try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, null)) {
      assertThat(BundledResource.find(loader, "absent")).isEmpty();
    }
  }

  private static String fingerprintIn(Path classpath) throws IOException {
    try (URLClassLoader loader = new URLClassLoader(new URL[] {classpath.toUri().toURL()}, null)) {
      BundledResource resource = BundledResource.find(loader, "bin").orElseThrow();
      String fingerprint = resource.fingerprint();
      assertThat(new String(resource.bytes(), StandardCharsets.UTF_8)).endsWith("binary");
      return fingerprint;
    }
  }

  private Path jar(String name, String entry, String content) throws IOException {
    Path jar = dir.resolve(name);
    try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file)) {
      out.putNextEntry(new JarEntry(entry));
      out.write(content.getBytes(StandardCharsets.UTF_8));
      out.closeEntry();
    }
    return jar;
  }
}
