package io.polymart.docker;

import io.polymart.core.config.ConfigException;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What docker/Dockerfile must hold: the list, and agreement with the conf the image starts with. */
final class DockerfileChecks {
  private static final Pattern HEALTH_URL = Pattern.compile("http://[^/:\\s]+:(\\d+)(/\\S*)");
  private static final Pattern CONF_ARGUMENT = Pattern.compile("\"--conf\",\\s*\"([^\"]+)\"");

  private DockerfileChecks() {
  }

  static List<String> problems(String text) {
    List<String> problems = new ArrayList<>();
    Dockerfile dockerfile = Dockerfile.parse(text);
    List<String> stages = dockerfile.all("FROM");
    if (stages.size() < 2) {
      problems.add("not multi-stage: " + stages);
    } else {
      if (!stages.get(0).matches("maven:\\S*temurin-17\\S* AS \\S+")) {
        problems.add("the build stage is not a Maven + JDK 17 image: " + stages.get(0));
      }
      if (!stages.get(stages.size() - 1).matches("\\S*temurin:17-jre\\S*")) {
        problems.add("the final stage is not a JRE 17 image: " + stages.get(stages.size() - 1));
      }
    }
    Dockerfile image = dockerfile.finalStage();
    List<String> users = image.all("USER");
    String user = users.isEmpty() ? "root" : users.get(users.size() - 1).split(":")[0];
    if (user.equals("root") || user.equals("0")) {
      problems.add("the image runs as root");
    }
    String javaOptions = image.environment().getOrDefault("JAVA_OPTS", "");
    if (!javaOptions.contains("-XX:MaxRAMPercentage=")) {
      problems.add("JAVA_OPTS does not size the heap from the container's memory: " + javaOptions);
    }
    String entrypoint = String.join(" ", image.all("ENTRYPOINT"));
    if (!entrypoint.contains("$JAVA_OPTS") || !entrypoint.contains("-jar /opt/polymart/polymart.jar")) {
      problems.add("ENTRYPOINT does not run the fat jar with $JAVA_OPTS (the jar's manifest carries the"
          + " Hazelcast --add-opens): " + entrypoint);
    }
    if (image.all("COPY").stream().noneMatch(copy -> copy.matches("--from=\\S+ \\S*target/polymart\\.jar "
        + "/opt/polymart/polymart\\.jar"))) {
      problems.add("the fat jar is not copied from the build stage to /opt/polymart/polymart.jar");
    }
    JsonObject conf = imageConf(image, problems);
    if (conf == null) {
      return problems;
    }
    if (!conf.getString("mode").equals("production")) {
      problems.add("the image does not start in production mode: mode " + conf.getString("mode"));
    }
    List<String> healthchecks = image.all("HEALTHCHECK");
    Matcher health = healthchecks.isEmpty() ? null : HEALTH_URL.matcher(healthchecks.get(0));
    if (health == null || !health.find()) {
      problems.add("no HEALTHCHECK with an http:// URL");
    } else {
      if (!health.group(2).equals("/health")) {
        problems.add("HEALTHCHECK asks " + health.group(2) + ", not /health");
      }
      if (Integer.parseInt(health.group(1)) != PolymartConf.httpPort(conf)) {
        problems.add("HEALTHCHECK asks port " + health.group(1) + ", the conf's http.port is "
            + PolymartConf.httpPort(conf));
      }
    }
    List<String> exposed = image.all("EXPOSE").stream().flatMap(ports -> Arrays.stream(ports.split("\\s+")))
        .map(port -> port.replaceFirst("/.*", "")).toList();
    for (int port : List.of(PolymartConf.httpPort(conf), PolymartConf.clusterPort(conf))) {
      if (!exposed.contains(String.valueOf(port))) {
        problems.add("EXPOSE " + exposed + " lacks port " + port + " of the conf");
      }
    }
    return problems;
  }

  /** The conf the image's CMD names, which a COPY must put there from docker/polymart.json, with the image's ENV. */
  private static JsonObject imageConf(Dockerfile image, List<String> problems) {
    Matcher argument = CONF_ARGUMENT.matcher(String.join(" ", image.all("CMD")));
    if (!argument.find()) {
      problems.add("CMD does not name a --conf file");
      return null;
    }
    String path = argument.group(1);
    if (image.all("COPY").stream().noneMatch(copy -> copy.equals("docker/polymart.json " + path))) {
      problems.add("nothing copies docker/polymart.json to " + path);
      return null;
    }
    try {
      return PolymartConf.loadUnchecked(DeployKit.IMAGE_CONF, image.environment());
    } catch (ConfigException e) {
      problems.add("the image's conf: " + e.getMessage());
      return null;
    }
  }
}
