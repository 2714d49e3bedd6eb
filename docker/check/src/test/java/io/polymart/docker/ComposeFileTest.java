package io.polymart.docker;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docker/compose.yaml against the Compose Specification schema, interpolated from .env.example; each Polymart node's
 * POLYMART_* variables are real conf keys that, on the image's conf, pass the production rules; its ports are the
 * conf's and its cluster address its network address.
 */
class ComposeFileTest {
  private static final String COMPOSE = DeployKit.read(DeployKit.COMPOSE);
  private static final String ENV_EXAMPLE = DeployKit.read(DeployKit.ENV_EXAMPLE);
  private static final String DOCKERFILE = DeployKit.read(DeployKit.DOCKERFILE);

  @Test
  void theComposeFileIsValidAndEachNodesConfStarts() {
    assertThat(ComposeChecks.problems(COMPOSE, ENV_EXAMPLE, DOCKERFILE)).isEmpty();
  }

  @Test
  void theRealEnvFileIsNotCommitted() {
    assertThat(DeployKit.read(DeployKit.ROOT.resolve(".gitignore")).lines()).contains("docker/.env");
  }

  static List<Mutation> brokenCopies() {
    return List.of(
        new Mutation("a misspelt service key", "    restart: unless-stopped\n\n  redis:",
            "    restartt: unless-stopped\n\n  redis:", "schema: "),
        new Mutation("a condition Compose does not know", "      polymart-1:\n        condition: service_healthy",
            "      polymart-1:\n        condition: service_happy", "schema: "),
        new Mutation("a healthcheck that is no list or string", "      test: [\"CMD\", \"mc\", \"ready\", \"local\"]",
            "      test: {cmd: mc}", "schema: "),
        new Mutation("an unknown POLYMART_ variable", "POLYMART_PG_POOL_SIZE:", "POLYMART_PG_POOL_SIZES:",
            "POLYMART_PG_POOL_SIZES"),
        new Mutation("an ill-typed value", "POLYMART_CLUSTER_ENABLED: \"true\"", "POLYMART_CLUSTER_ENABLED: \"yes\"",
            "'cluster.enabled'"),
        new Mutation("a backend address missing", "POLYMART_KAFKA_BOOTSTRAP_SERVERS: kafka:9092",
            "POLYMART_KAFKA_BOOTSTRAP_SERVERS: \"\"", "'kafka.bootstrapServers' is required"),
        new Mutation("a module's own rule", "POLYMART_PG_POOL_SIZE: \"8\"",
            "POLYMART_PG_POOL_SIZE: \"8\"\n  POLYMART_CART_MAX_LINES: \"0\"", "'cart.maxLines'"),
        new Mutation("a secret not in the env file", "${JWT_SECRET:?set in docker/.env}",
            "${JWT_SECRETS:?set in docker/.env}", "JWT_SECRETS is not in the env file"),
        new Mutation("another container port", "\"8081:8080\"", "\"8081:8081\"", "publishes container ports [8081]"),
        new Mutation("a node off its cluster address", "POLYMART_CLUSTER_HOST: 172.28.0.12",
            "POLYMART_CLUSTER_HOST: 172.28.0.13", "lacks the node itself"),
        new Mutation("a bind mount of a missing file", "./postgres/replica-entrypoint.sh:",
            "./postgres/replica.sh:", "mounts ./postgres/replica.sh"),
        new Mutation("a dependency on no service", "      polymart-1:\n        condition: service_healthy",
            "      polymart-one:\n        condition: service_healthy", "depends on polymart-one"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("brokenCopies")
  void aBrokenCopyFails(Mutation mutation) {
    assertThat(ComposeChecks.problems(mutation.apply(COMPOSE), ENV_EXAMPLE, DOCKERFILE))
        .anySatisfy(problem -> assertThat(problem).contains(mutation.expectedProblem()));
  }

  @Test
  void aShortSecretInTheEnvFileFailsTheProductionRules() {
    String shortSecret = new Mutation("short JWT secret", "JWT_SECRET=change-me-to-at-least-32-random-characters",
        "JWT_SECRET=short", "").apply(ENV_EXAMPLE);
    assertThat(ComposeChecks.problems(COMPOSE, shortSecret, DOCKERFILE))
        .anySatisfy(problem -> assertThat(problem).contains("'jwt.secret'"));
  }
}
