package io.polymart.docker;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.BeanDeserializerBuilder;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Kubernetes manifests read into the fabric8 Kubernetes model, strictly: a field the API object does not have fails,
 * as {@code kubectl apply --validate=strict} would, and so does a kind or API version this kit does not use.
 */
final class KubernetesManifests {
  /** {@code apiVersion/kind} to its model class: the only objects docker/k8s may hold. */
  static final Map<String, Class<? extends HasMetadata>> KINDS = Map.of(
      "apps/v1/Deployment", Deployment.class,
      "v1/Service", Service.class,
      "v1/ConfigMap", ConfigMap.class,
      "v1/Secret", Secret.class,
      "autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class,
      "policy/v1/PodDisruptionBudget", PodDisruptionBudget.class);

  // The model keeps unknown fields in an "additionalProperties" map (a Jackson any-setter); without it, Jackson's
  // FAIL_ON_UNKNOWN_PROPERTIES applies to every object of the tree.
  private static final ObjectMapper STRICT = new ObjectMapper()
      .registerModule(new SimpleModule("no-additional-properties").setDeserializerModifier(
          new BeanDeserializerModifier() {
            @Override
            public BeanDeserializerBuilder updateBuilder(DeserializationConfig config, BeanDescription description,
                BeanDeserializerBuilder builder) {
              builder.setAnySetter(null);
              return builder;
            }
          }))
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);

  private KubernetesManifests() {
  }

  /** Every document of one file; an {@link IllegalArgumentException} names the document and the field at fault. */
  static List<HasMetadata> parse(String name, String yaml) {
    List<HasMetadata> objects = new ArrayList<>();
    List<JsonObject> documents = Yaml.all(yaml);
    for (int i = 0; i < documents.size(); i++) {
      JsonObject document = documents.get(i);
      String type = document.getString("apiVersion") + "/" + document.getString("kind");
      String where = name + " document " + (i + 1) + " (" + type + ")";
      Class<? extends HasMetadata> model = KINDS.get(type);
      if (model == null) {
        throw new IllegalArgumentException(where + ": not a kind this kit uses: " + KINDS.keySet());
      }
      requireStringValues(where, document, "data");
      requireStringValues(where, document, "stringData");
      try {
        objects.add(STRICT.readValue(document.encode(), model));
      } catch (JsonProcessingException e) {
        throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
      }
    }
    return objects;
  }

  /** ConfigMap and Secret values are strings for the API server; YAML's 8080 or true would be refused. */
  private static void requireStringValues(String where, JsonObject document, String field) {
    JsonObject values = document.getJsonObject(field);
    if (values != null) {
      values.forEach(entry -> {
        if (!(entry.getValue() instanceof String)) {
          throw new IllegalArgumentException(where + ": " + field + "." + entry.getKey() + " must be a string, got "
              + entry.getValue());
        }
      });
    }
  }
}
