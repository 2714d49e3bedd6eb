package io.polymart.docker;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The compose file's streaming replica: the replica's entrypoint clones, as the role and through the slot the
 * primary's init script creates, from the service that runs that init script.
 */
final class ReplicationChecks {
  private static final String INIT_TARGET = "/docker-entrypoint-initdb.d/";

  private ReplicationChecks() {
  }

  static List<String> problems(String composeYaml, String primaryInit, String replicaEntrypoint) {
    List<String> problems = new ArrayList<>();
    JsonObject services = Yaml.one(composeYaml).getJsonObject("services");
    String primary = services.fieldNames().stream()
        .filter(name -> services.getJsonObject(name).getJsonArray("volumes", new JsonArray())
            .stream().anyMatch(volume -> volume.toString().startsWith("./postgres/primary-init.sh:" + INIT_TARGET)))
        .findFirst().orElse(null);
    if (primary == null) {
      problems.add("no service runs postgres/primary-init.sh as an init script");
    }
    String host = option(replicaEntrypoint, "host");
    if (primary != null && !primary.equals(host)) {
      problems.add("the replica clones from " + host + ", the primary is the service " + primary);
    }
    String slot = option(replicaEntrypoint, "slot");
    if (!primaryInit.contains("pg_create_physical_replication_slot('" + slot + "')")) {
      problems.add("the replica streams through slot " + slot + ", which the primary's init script does not create");
    }
    String role = option(replicaEntrypoint, "username");
    if (!primaryInit.contains("CREATE ROLE " + role + " WITH REPLICATION LOGIN")
        || !primaryInit.contains("host replication " + role + " ")) {
      problems.add("the replica connects as " + role + ", which the primary's init script does not let replicate");
    }
    return problems;
  }

  private static String option(String script, String name) {
    Matcher matcher = Pattern.compile("--" + name + "=(\\S+)").matcher(script);
    return matcher.find() ? matcher.group(1) : "(none)";
  }
}
