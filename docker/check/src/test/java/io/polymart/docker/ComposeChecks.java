package io.polymart.docker;

import io.polymart.core.config.ConfigException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * docker/compose.yaml, interpolated from the committed .env.example as Compose would from .env: valid by the Compose
 * Specification, and each Polymart node's variables (on top of the image's ENV and conf) a conf that starts.
 */
final class ComposeChecks {
  private ComposeChecks() {
  }

  static List<String> problems(String composeYaml, String envExample, String dockerfile) {
    List<String> problems = new ArrayList<>();
    ComposeFile compose = ComposeFile.interpolated(composeYaml, ComposeFile.envFile(envExample), problems::add);
    ComposeSchema.violations(compose.document).forEach(violation -> problems.add("schema: " + violation));
    JsonObject services = compose.services();
    if (services == null) {
      return problems;
    }
    Map<String, String> imageEnvironment = Dockerfile.parse(dockerfile).finalStage().environment();
    int nodes = 0;
    for (String name : services.fieldNames()) {
      JsonObject service = services.getJsonObject(name);
      dependencies(name, service, services, problems);
      bindMounts(name, service, problems);
      if (service.containsKey("build") || service.getString("image", "").startsWith("polymart")) {
        nodes++;
        polymartNode(name, service, imageEnvironment, problems);
      }
    }
    if (nodes < 2) {
      problems.add("fewer than two Polymart nodes: " + nodes);
    }
    return problems;
  }

  private static void dependencies(String name, JsonObject service, JsonObject services, List<String> problems) {
    Object dependsOn = service.getValue("depends_on");
    List<String> names = dependsOn instanceof JsonObject map ? new ArrayList<>(map.fieldNames())
        : dependsOn instanceof JsonArray list ? list.stream().map(Object::toString).toList() : List.of();
    names.stream().filter(dependency -> !services.containsKey(dependency))
        .forEach(dependency -> problems.add(name + " depends on " + dependency + ", which is no service"));
  }

  /** A bind mount's source ({@code ./postgres/x.sh:/...}) is a file of the kit, relative to docker/. */
  private static void bindMounts(String name, JsonObject service, List<String> problems) {
    for (Object volume : service.getJsonArray("volumes", new JsonArray())) {
      String source = volume instanceof JsonObject longForm ? longForm.getString("source", "")
          : volume.toString().split(":")[0];
      if ((source.startsWith("./") || source.startsWith("../")) && !Files.exists(DeployKit.DOCKER.resolve(source))) {
        problems.add(name + " mounts " + source + ", which is not in docker/");
      }
    }
  }

  private static void polymartNode(String name, JsonObject service, Map<String, String> imageEnvironment,
      List<String> problems) {
    Map<String, String> variables = new LinkedHashMap<>(imageEnvironment);
    variables.putAll(ComposeFile.environment(service));
    JsonObject conf;
    try {
      conf = PolymartConf.load(DeployKit.IMAGE_CONF, variables);
    } catch (ConfigException e) {
      problems.add(name + ": " + e.getMessage());
      return;
    }
    List<Integer> ports = ComposeFile.containerPorts(service);
    if (ports.isEmpty() || ports.stream().anyMatch(port -> port != PolymartConf.httpPort(conf))) {
      problems.add(name + " publishes container ports " + ports + ", its http.port is " + PolymartConf.httpPort(conf));
    }
    JsonObject cluster = conf.getJsonObject("cluster");
    if (!cluster.getBoolean("enabled")) {
      problems.add(name + " is not clustered");
      return;
    }
    String self = cluster.getString("host") + ":" + cluster.getInteger("port");
    if (!cluster.getJsonArray("members").contains(self)) {
      problems.add(name + ": cluster.members " + cluster.getJsonArray("members") + " lacks the node itself, " + self);
    }
    String address = networkAddress(service);
    if (!cluster.getString("host").equals(address)) {
      problems.add(name + ": cluster.host " + cluster.getString("host") + " is not its network address " + address);
    }
  }

  private static String networkAddress(JsonObject service) {
    if (service.getValue("networks") instanceof JsonObject networks) {
      for (String network : networks.fieldNames()) {
        JsonObject settings = networks.getJsonObject(network);
        if (settings != null && settings.containsKey("ipv4_address")) {
          return settings.getString("ipv4_address");
        }
      }
    }
    return "(none fixed)";
  }
}
