package io.polymart.docker;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.polymart.core.config.ConfigException;
import io.vertx.core.json.JsonObject;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * docker/k8s as a whole: each manifest parses strictly, the pods' conf (ConfigMap, Secret, the Deployment's env, on
 * the image's conf) loads and passes the production rules, and ports, probe paths, selectors and backend names agree.
 */
final class KubernetesChecks {
  /** What the Downward API gives a running pod; only its shape matters here. */
  private static final Map<String, String> FIELD_VALUES = Map.of("status.podIP", "10.244.0.17");

  private KubernetesChecks() {
  }

  /** {@code files}: file name to content. */
  static List<String> problems(Map<String, String> files) {
    List<String> problems = new ArrayList<>();
    List<HasMetadata> objects = new ArrayList<>();
    files.forEach((name, yaml) -> {
      try {
        objects.addAll(KubernetesManifests.parse(name, yaml));
      } catch (IllegalArgumentException e) {
        problems.add(e.getMessage());
      }
    });
    if (!problems.isEmpty()) {
      return problems;
    }
    List<Deployment> deployments = all(objects, Deployment.class);
    if (deployments.size() != 1) {
      problems.add("expected one Deployment, found " + deployments.size());
      return problems;
    }
    Deployment deployment = deployments.get(0);
    Map<String, String> podLabels = deployment.getSpec().getTemplate().getMetadata().getLabels();
    if (!podLabels.entrySet().containsAll(deployment.getSpec().getSelector().getMatchLabels().entrySet())) {
      problems.add("the Deployment's selector does not match its pods' labels");
    }
    Container container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
    JsonObject conf = podConf(container, objects, problems);
    if (conf == null) {
      return problems;
    }
    int httpPort = PolymartConf.httpPort(conf);
    int clusterPort = PolymartConf.clusterPort(conf);
    probe("readiness", container.getReadinessProbe(), "/ready", httpPort, container, problems);
    probe("liveness", container.getLivenessProbe(), "/health", httpPort, container, problems);
    if (container.getStartupProbe() != null) {
      probe("startup", container.getStartupProbe(), "/health", httpPort, container, problems);
    }
    resources(container, problems);
    services(objects, podLabels, container, conf, httpPort, clusterPort, problems);
    autoscaling(objects, deployment, podLabels, problems);
    backends(objects, conf, problems);
    return problems;
  }

  private static JsonObject podConf(Container container, List<HasMetadata> objects, List<String> problems) {
    Map<String, String> variables = new LinkedHashMap<>();
    for (EnvFromSource source : container.getEnvFrom()) {
      if (source.getConfigMapRef() != null) {
        Optional<ConfigMap> map = named(objects, ConfigMap.class, source.getConfigMapRef().getName());
        map.ifPresentOrElse(found -> variables.putAll(found.getData()),
            () -> problems.add("envFrom names ConfigMap " + source.getConfigMapRef().getName() + ", which is absent"));
      }
      if (source.getSecretRef() != null) {
        Optional<Secret> secret = named(objects, Secret.class, source.getSecretRef().getName());
        secret.ifPresentOrElse(found -> {
          if (found.getData() != null) {
            found.getData().forEach((key, value) ->
                variables.put(key, new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8)));
          }
          if (found.getStringData() != null) {
            variables.putAll(found.getStringData());
          }
        }, () -> problems.add("envFrom names Secret " + source.getSecretRef().getName() + ", which is absent"));
      }
    }
    for (EnvVar variable : container.getEnv()) {
      if (variable.getValue() != null) {
        variables.put(variable.getName(), variable.getValue());
      } else if (variable.getValueFrom() != null && variable.getValueFrom().getFieldRef() != null) {
        String field = variable.getValueFrom().getFieldRef().getFieldPath();
        variables.put(variable.getName(), FIELD_VALUES.getOrDefault(field, "unknown-field-" + field));
      }
    }
    try {
      return PolymartConf.load(DeployKit.IMAGE_CONF, variables);
    } catch (ConfigException e) {
      problems.add("the pods' conf: " + e.getMessage());
      return null;
    }
  }

  private static void probe(String kind, Probe probe, String path, int httpPort, Container container,
      List<String> problems) {
    if (probe == null || probe.getHttpGet() == null) {
      problems.add("no HTTP " + kind + " probe");
      return;
    }
    if (!path.equals(probe.getHttpGet().getPath())) {
      problems.add("the " + kind + " probe asks " + probe.getHttpGet().getPath() + ", not " + path);
    }
    int port = containerPort(probe.getHttpGet().getPort(), container);
    if (port != httpPort) {
      problems.add("the " + kind + " probe asks port " + port + ", the conf's http.port is " + httpPort);
    }
  }

  private static void resources(Container container, List<String> problems) {
    var resources = container.getResources();
    if (resources == null || resources.getRequests() == null || !resources.getRequests().containsKey("cpu")
        || !resources.getRequests().containsKey("memory") || resources.getLimits() == null
        || !resources.getLimits().containsKey("memory")) {
      problems.add("the container needs cpu and memory requests (the autoscaler works from the cpu request) and a"
          + " memory limit (the heap is a share of it)");
    }
  }

  private static void services(List<HasMetadata> objects, Map<String, String> podLabels, Container container,
      JsonObject conf, int httpPort, int clusterPort, List<String> problems) {
    JsonObject cluster = conf.getJsonObject("cluster");
    String dnsName = cluster.getString("kubernetesServiceDns");
    if (!cluster.getBoolean("enabled") || dnsName.isBlank() || !cluster.getJsonArray("members").isEmpty()) {
      problems.add("the pods must be clustered through cluster.kubernetesServiceDns, without cluster.members");
      return;
    }
    boolean http = false;
    for (Service service : all(objects, Service.class)) {
      var spec = service.getSpec();
      if ("ExternalName".equals(spec.getType())) {
        continue;
      }
      if (spec.getSelector() == null || !podLabels.entrySet().containsAll(spec.getSelector().entrySet())) {
        problems.add("Service " + service.getMetadata().getName() + " selects no Polymart pod");
        continue;
      }
      String name = service.getMetadata().getName();
      if (name.equals(dnsName.split("\\.")[0])) {
        if (!"None".equals(spec.getClusterIP()) || !Boolean.TRUE.equals(spec.getPublishNotReadyAddresses())) {
          problems.add("Service " + name + " (cluster.kubernetesServiceDns) must be headless (clusterIP None) and"
              + " publish pods that are not ready yet");
        }
        ports(name, spec.getPorts(), clusterPort, container, problems);
      } else {
        http = true;
        ports(name, spec.getPorts(), httpPort, container, problems);
      }
    }
    if (named(objects, Service.class, dnsName.split("\\.")[0]).isEmpty()) {
      problems.add("no Service named by cluster.kubernetesServiceDns " + dnsName);
    }
    if (!http) {
      problems.add("no Service for the HTTP port");
    }
  }

  private static void ports(String service, List<ServicePort> ports, int expected, Container container,
      List<String> problems) {
    for (ServicePort port : ports) {
      IntOrString target = port.getTargetPort() == null ? new IntOrString(port.getPort()) : port.getTargetPort();
      int resolved = containerPort(target, container);
      if (resolved != expected) {
        problems.add("Service " + service + " sends port " + port.getPort() + " to container port " + resolved
            + ", the conf says " + expected);
      }
    }
  }

  private static void autoscaling(List<HasMetadata> objects, Deployment deployment, Map<String, String> podLabels,
      List<String> problems) {
    List<HorizontalPodAutoscaler> autoscalers = all(objects, HorizontalPodAutoscaler.class);
    if (autoscalers.isEmpty()) {
      problems.add("no HorizontalPodAutoscaler");
    }
    for (HorizontalPodAutoscaler autoscaler : autoscalers) {
      var target = autoscaler.getSpec().getScaleTargetRef();
      if (!"Deployment".equals(target.getKind()) || !deployment.getMetadata().getName().equals(target.getName())) {
        problems.add("HorizontalPodAutoscaler " + autoscaler.getMetadata().getName() + " scales " + target.getKind()
            + " " + target.getName());
      }
    }
    List<PodDisruptionBudget> budgets = all(objects, PodDisruptionBudget.class);
    if (budgets.isEmpty()) {
      problems.add("no PodDisruptionBudget");
    }
    for (PodDisruptionBudget budget : budgets) {
      if (!podLabels.entrySet().containsAll(budget.getSpec().getSelector().getMatchLabels().entrySet())) {
        problems.add("PodDisruptionBudget " + budget.getMetadata().getName() + " selects no Polymart pod");
      }
    }
  }

  /** Every backend host the conf names is a Service of this kit (ExternalName: the server lives elsewhere). */
  private static void backends(List<HasMetadata> objects, JsonObject conf, List<String> problems) {
    List<String> hosts = new ArrayList<>();
    hosts.add(URI.create(conf.getJsonObject("pg").getString("url")).getHost());
    conf.getJsonObject("pg").getJsonArray("replicaUrls").forEach(url -> hosts.add(URI.create((String) url).getHost()));
    hosts.add(URI.create(conf.getJsonObject("redis").getString("url")).getHost());
    hosts.add(URI.create(conf.getJsonObject("mongo").getString("url")).getHost());
    hosts.add(URI.create(conf.getJsonObject("s3").getString("endpoint")).getHost());
    for (String server : conf.getJsonObject("kafka").getString("bootstrapServers").split(",")) {
      hosts.add(server.trim().replaceFirst(":\\d+$", ""));
    }
    for (String host : hosts) {
      Optional<Service> service = named(objects, Service.class, host);
      if (service.isEmpty() || !"ExternalName".equals(service.get().getSpec().getType())
          || service.get().getSpec().getExternalName() == null) {
        problems.add("backend host " + host + " is not an ExternalName Service of the kit");
      }
    }
  }

  private static int containerPort(IntOrString port, Container container) {
    if (port.getIntVal() != null) {
      return port.getIntVal();
    }
    return container.getPorts().stream().filter(p -> port.getStrVal().equals(p.getName()))
        .map(ContainerPort::getContainerPort).findFirst().orElse(-1);
  }

  private static <T extends HasMetadata> List<T> all(List<HasMetadata> objects, Class<T> type) {
    return objects.stream().filter(type::isInstance).map(type::cast).toList();
  }

  private static <T extends HasMetadata> Optional<T> named(List<HasMetadata> objects, Class<T> type, String name) {
    return all(objects, type).stream().filter(object -> object.getMetadata().getName().equals(name)).findFirst();
  }
}
