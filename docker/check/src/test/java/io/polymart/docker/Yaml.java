package io.polymart.docker;

import io.vertx.core.json.JsonObject;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * YAML as Compose and Kubernetes read it: SnakeYAML resolves anchors and merge keys ({@code <<: *polymart-env}) the
 * way both do, and refuses duplicate keys.
 */
final class Yaml {
  private Yaml() {
  }

  static JsonObject one(String text) {
    List<JsonObject> documents = all(text);
    if (documents.size() != 1) {
      throw new IllegalArgumentException("expected one YAML document, found " + documents.size());
    }
    return documents.get(0);
  }

  @SuppressWarnings("unchecked")
  static List<JsonObject> all(String text) {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    List<JsonObject> documents = new ArrayList<>();
    for (Object document : new org.yaml.snakeyaml.Yaml(new SafeConstructor(options)).loadAll(text)) {
      if (document != null) {
        documents.add(new JsonObject((Map<String, Object>) document).copy());
      }
    }
    return documents;
  }
}
