package io.polymart.docker;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every POLYMART_* variable the kit sets is documented in the README's conf reference table. */
class ConfReferenceTest {
  private static final Pattern TABLE_VARIABLE = Pattern.compile("(?m)^\\| `[^`]+` \\| [^|]* \\| `(POLYMART_[A-Z0-9_]+)` \\|");
  private static final Pattern KIT_VARIABLE = Pattern.compile("POLYMART_[A-Z0-9_]+");
  private static final Pattern CONTAINER_ENV = Pattern.compile("- name: (POLYMART_[A-Z0-9_]+)");

  @Test
  void everyVariableTheKitSetsIsInTheConfReference() {
    Set<String> used = variablesSetByTheKit();
    assertThat(used).contains("POLYMART_MODE", "POLYMART_JWT_SECRET", "POLYMART_CLUSTER_KUBERNETES_SERVICE_DNS");
    assertThat(undocumented(used, DeployKit.read(DeployKit.ROOT.resolve("README.md")))).isEmpty();
  }

  @Test
  void aVariableMissingFromTheReferenceIsFound() {
    String readme = DeployKit.read(DeployKit.ROOT.resolve("README.md"));
    String withoutRow = readme.replaceAll("(?m)^\\| `cluster\\.kubernetesServiceDns` .*\\n", "");
    assertThat(withoutRow).isNotEqualTo(readme);
    assertThat(undocumented(variablesSetByTheKit(), withoutRow)).containsExactly(
        "POLYMART_CLUSTER_KUBERNETES_SERVICE_DNS");
  }

  private static List<String> undocumented(Set<String> used, String readme) {
    Set<String> documented = new TreeSet<>();
    Matcher row = TABLE_VARIABLE.matcher(readme);
    while (row.find()) {
      documented.add(row.group(1));
    }
    List<String> missing = new ArrayList<>(used);
    missing.removeAll(documented);
    return missing;
  }

  /** The variable names the compose file, the Dockerfile and the manifests set (keys, not mentions in comments). */
  private static Set<String> variablesSetByTheKit() {
    Set<String> names = new TreeSet<>();
    JsonObject services = Yaml.one(DeployKit.read(DeployKit.COMPOSE)).getJsonObject("services");
    services.fieldNames().forEach(name -> names.addAll(ComposeFile.environment(services.getJsonObject(name)).keySet()));
    names.addAll(Dockerfile.parse(DeployKit.read(DeployKit.DOCKERFILE)).finalStage().environment().keySet());
    try (Stream<Path> files = Files.list(DeployKit.K8S)) {
      files.filter(file -> file.toString().endsWith(".yaml")).forEach(file -> {
        String text = DeployKit.read(file);
        for (JsonObject document : Yaml.all(text)) {
          for (String section : List.of("data", "stringData")) {
            if (document.getJsonObject(section) != null) {
              names.addAll(document.getJsonObject(section).fieldNames());
            }
          }
        }
        Matcher containerEnv = CONTAINER_ENV.matcher(text);
        while (containerEnv.find()) {
          names.add(containerEnv.group(1));
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    names.removeIf(name -> !KIT_VARIABLE.matcher(name).matches());
    return names;
  }
}
