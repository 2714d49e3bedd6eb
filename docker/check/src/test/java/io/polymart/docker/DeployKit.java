package io.polymart.docker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where the files under test are: this module is {@code docker/check}, and Surefire runs in it. */
final class DeployKit {
  static final Path DOCKER = Path.of("").toAbsolutePath().getParent();
  static final Path ROOT = DOCKER.getParent();
  static final Path K8S = DOCKER.resolve("k8s");
  static final Path COMPOSE = DOCKER.resolve("compose.yaml");
  static final Path ENV_EXAMPLE = DOCKER.resolve(".env.example");
  static final Path DOCKERFILE = DOCKER.resolve("Dockerfile");
  /** The conf file the image starts with ({@code --conf}); checked as the image's own copy, /etc/polymart. */
  static final Path IMAGE_CONF = DOCKER.resolve("polymart.json");
  static final Path OPENAPI = ROOT.resolve("schemas/openapi.yaml");

  private DeployKit() {
  }

  static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
