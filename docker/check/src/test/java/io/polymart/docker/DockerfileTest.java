package io.polymart.docker;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** docker/Dockerfile: multi-stage, non-root, health-checked, memory-aware, production by default, ports of the conf. */
class DockerfileTest {
  private static final String DOCKERFILE = DeployKit.read(DeployKit.DOCKERFILE);

  @Test
  void theDockerfileHasWhatTheIssueAsksAndAgreesWithTheConf() {
    assertThat(DockerfileChecks.problems(DOCKERFILE)).isEmpty();
  }

  @Test
  void theFatJarsManifestCarriesTheJvmFlagsHazelcastNeeds() {
    // the image runs `java -jar` without --add-opens: they must come from the manifest
    String pom = DeployKit.read(DeployKit.ROOT.resolve("verticles/main/pom.xml"));
    assertThat(pom).contains("<Add-Opens>java.base/java.lang java.base/sun.nio.ch")
        .contains("<Add-Exports>java.base/jdk.internal.ref</Add-Exports>");
  }

  static List<Mutation> brokenCopies() {
    return List.of(
        new Mutation("single stage", "FROM maven:3.9-eclipse-temurin-17 AS build", "", "not multi-stage"),
        new Mutation("a JDK 21 runtime", "FROM eclipse-temurin:17-jre", "FROM eclipse-temurin:21-jre",
            "not a JRE 17 image"),
        new Mutation("running as root", "USER 10001:10001", "USER root", "runs as root"),
        new Mutation("no heap sizing", "-XX:MaxRAMPercentage=75 ", "", "JAVA_OPTS"),
        new Mutation("health check on another path", "8080/health", "8080/healthz", "not /health"),
        new Mutation("health check on another port", "127.0.0.1:8080/health", "127.0.0.1:9090/health",
            "port 9090"),
        new Mutation("the HTTP port not exposed", "EXPOSE 8080 5701", "EXPOSE 5701", "lacks port 8080"),
        new Mutation("an unknown POLYMART_ variable", "ENV JAVA_OPTS=", "ENV POLYMART_HTTP_PORTT=8080\nENV JAVA_OPTS=",
            "POLYMART_HTTP_PORTT"),
        new Mutation("local mode", "ENV JAVA_OPTS=", "ENV POLYMART_MODE=local\nENV JAVA_OPTS=", "production mode"),
        new Mutation("the conf file not copied", "COPY docker/polymart.json /etc/polymart/polymart.json", "",
            "nothing copies docker/polymart.json"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("brokenCopies")
  void aBrokenCopyFails(Mutation mutation) {
    assertThat(DockerfileChecks.problems(mutation.apply(DOCKERFILE)))
        .anySatisfy(problem -> assertThat(problem).contains(mutation.expectedProblem()));
  }
}
