package io.polymart.docker;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * docker/k8s: every manifest parsed strictly by the fabric8 Kubernetes model (unknown fields fail), and the whole
 * agreeing with the conf and the routes (/ready, /health, the HTTP and Hazelcast ports, the headless Service).
 */
class KubernetesManifestsTest {
  private static final Map<String, String> FILES = manifests();

  @Test
  void everyManifestParsesStrictlyAndTheKitHasEveryObjectTheIssueAsks() {
    List<String> kinds = FILES.entrySet().stream()
        .flatMap(file -> KubernetesManifests.parse(file.getKey(), file.getValue()).stream())
        .map(HasMetadata::getKind).distinct().sorted().toList();
    assertThat(kinds).containsExactly("ConfigMap", "Deployment", "HorizontalPodAutoscaler", "PodDisruptionBudget",
        "Secret", "Service");
  }

  @Test
  void theManifestsAgreeWithTheConfAndTheRoutes() {
    assertThat(KubernetesChecks.problems(FILES)).isEmpty();
  }

  @Test
  void theProbePathsAreRoutesOfTheContract() {
    JsonObject paths = Yaml.one(DeployKit.read(DeployKit.OPENAPI)).getJsonObject("paths");
    assertThat(paths.getJsonObject("/health").getJsonObject("get")).isNotNull();
    assertThat(paths.getJsonObject("/ready").getJsonObject("get")).isNotNull();
  }

  @Test
  void aFieldTheModelLacksFailsWhereverItIs() {
    assertThatThrownBy(() -> KubernetesManifests.parse("d.yaml", """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: x}
        spec:
          replicas: 1
          selector: {matchLabels: {a: b}}
          template:
            metadata: {labels: {a: b}}
            spec:
              containers:
                - name: x
                  image: x
                  readinessProbe:
                    httpGet: {path: /ready, port: 8080}
                    periodSecond: 5
        """)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("periodSecond");
  }

  static List<Mutation> brokenCopies() {
    return List.of(
        new Mutation("deployment.yaml: an unknown field in the spec", "  replicas: 2", "  replica: 2", "replica"),
        new Mutation("deployment.yaml: resources misplaced", "          resources:\n",
            "          resource:\n", "resource"),
        new Mutation("hpa.yaml: the v1 API version", "apiVersion: autoscaling/v2", "apiVersion: autoscaling/v1",
            "not a kind this kit uses"),
        new Mutation("pdb.yaml: the removed v1beta1 API", "apiVersion: policy/v1", "apiVersion: policy/v1beta1",
            "not a kind this kit uses"),
        new Mutation("configmap.yaml: a number where the API wants a string", "POLYMART_HTTP_PORT: \"8080\"",
            "POLYMART_HTTP_PORT: 8080", "must be a string"),
        new Mutation("configmap.yaml: an unknown POLYMART_ variable", "POLYMART_PG_POOL_SIZE:",
            "POLYMART_PG_POOLSIZE:", "POLYMART_PG_POOLSIZE"),
        new Mutation("configmap.yaml: another HTTP port", "POLYMART_HTTP_PORT: \"8080\"", "POLYMART_HTTP_PORT: \"8090\"",
            "http.port is 8090"),
        new Mutation("secret.yaml: a short JWT secret", "POLYMART_JWT_SECRET: CHANGE_ME_TO_AT_LEAST_32_RANDOM_CHARACTERS",
            "POLYMART_JWT_SECRET: short", "'jwt.secret'"),
        new Mutation("deployment.yaml: readiness on /health", "              path: /ready", "              path: /health",
            "readiness probe asks /health"),
        new Mutation("deployment.yaml: the envFrom Secret misnamed", "                name: polymart-secrets",
            "                name: polymart-secret", "Secret polymart-secret, which is absent"),
        new Mutation("deployment.yaml: no cpu request", "              cpu: 500m\n", "", "cpu and memory requests"),
        new Mutation("service.yaml: the wrong target port", "      targetPort: http", "      targetPort: hazelcast",
            "to container port 5701"),
        new Mutation("hazelcast-service.yaml: not headless", "  clusterIP: None\n", "", "must be headless"),
        new Mutation("configmap.yaml: no DNS discovery", "  POLYMART_CLUSTER_KUBERNETES_SERVICE_DNS: polymart-hazelcast",
            "  POLYMART_CLUSTER_KUBERNETES_SERVICE_DNS: \"\"", "cluster.kubernetesServiceDns"),
        new Mutation("configmap.yaml: members and the DNS name both", "  POLYMART_CLUSTER_PORT: \"5701\"\n",
            "  POLYMART_CLUSTER_PORT: \"5701\"\n  POLYMART_CLUSTER_MEMBERS: 10.0.0.11:5701\n", "exclude each other"),
        new Mutation("hpa.yaml: scaling another Deployment", "    name: polymart\n  minReplicas",
            "    name: polymart-web\n  minReplicas", "scales Deployment polymart-web"),
        new Mutation("backends.yaml: a backend missing", "  name: polymart-kafka", "  name: polymart-events",
            "backend host polymart-kafka"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("brokenCopies")
  void aBrokenCopyFails(Mutation mutation) {
    String file = mutation.description().substring(0, mutation.description().indexOf(':'));
    Map<String, String> broken = new TreeMap<>(FILES);
    broken.put(file, mutation.apply(FILES.get(file)));
    assertThat(KubernetesChecks.problems(broken))
        .anySatisfy(problem -> assertThat(problem).contains(mutation.expectedProblem()));
  }

  private static Map<String, String> manifests() {
    try (Stream<Path> files = Files.list(DeployKit.K8S)) {
      Map<String, String> manifests = new TreeMap<>();
      files.filter(file -> file.toString().endsWith(".yaml"))
          .forEach(file -> manifests.put(file.getFileName().toString(), DeployKit.read(file)));
      return manifests;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
