package io.polymart.docker;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** docker/postgres: the replica's set-up agrees with the primary's, and both scripts are valid bash. */
class ReplicationTest {
  private static final String COMPOSE = DeployKit.read(DeployKit.COMPOSE);
  private static final Path INIT = DeployKit.DOCKER.resolve("postgres/primary-init.sh");
  private static final Path REPLICA = DeployKit.DOCKER.resolve("postgres/replica-entrypoint.sh");

  @Test
  void theReplicaClonesFromThePrimaryAsTheRoleAndThroughTheSlotItCreates() {
    assertThat(ReplicationChecks.problems(COMPOSE, DeployKit.read(INIT), DeployKit.read(REPLICA))).isEmpty();
  }

  static List<Mutation> brokenReplicas() {
    return List.of(
        new Mutation("another host", "--host=postgres-primary", "--host=postgres", "clones from postgres,"),
        new Mutation("another slot", "--slot=replica_1", "--slot=replica_2", "slot replica_2"),
        new Mutation("another role", "--username=replicator", "--username=postgres", "connects as postgres"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("brokenReplicas")
  void aBrokenCopyFails(Mutation mutation) {
    assertThat(ReplicationChecks.problems(COMPOSE, DeployKit.read(INIT), mutation.apply(DeployKit.read(REPLICA))))
        .anySatisfy(problem -> assertThat(problem).contains(mutation.expectedProblem()));
  }

  @ParameterizedTest
  @ValueSource(strings = {"postgres/primary-init.sh", "postgres/replica-entrypoint.sh"})
  void theScriptIsValidBash(String script) throws Exception {
    assertThat(bashSyntaxCheck(DeployKit.DOCKER.resolve(script))).isZero();
  }

  @Test
  void theBashSyntaxCheckCatchesABrokenScript() throws Exception {
    Path broken = Files.createTempFile("broken", ".sh");
    try {
      Files.writeString(broken, new Mutation("an if without fi", "\nfi\n", "\n", "").apply(DeployKit.read(REPLICA)));
      assertThat(bashSyntaxCheck(broken)).isNotZero();
    } finally {
      Files.delete(broken);
    }
  }

  private static int bashSyntaxCheck(Path script) throws Exception {
    Process bash = new ProcessBuilder("bash", "-n", script.toString()).inheritIO().start();
    assertThat(bash.waitFor(30, TimeUnit.SECONDS)).isTrue();
    return bash.exitValue();
  }
}
