package io.polymart.main;

import io.polymart.testing.HttpTestClient.Reply;
import io.polymart.testing.HttpTestClient;
import io.polymart.testing.TestBackends;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two clustered nodes on the shared backends: one runs everything but the gateway, the other the gateway without
 * users and cart. Requests, token revocations and live updates cross the event bus between them.
 */
class ClusterTest {
  private static Platform usersNode;
  private static Platform gatewayNode;
  private static HttpTestClient http;
  private static int gatewayHttpPort;

  @BeforeAll
  static void startTwoNodes() throws Exception {
    int usersPort = TestBackends.freePort();
    int gatewayPort = TestBackends.freePort();
    JsonArray members = new JsonArray().add("127.0.0.1:" + usersPort).add("127.0.0.1:" + gatewayPort);
    String clusterName = "polymart-test-" + usersPort;
    JsonObject usersConfig = node(clusterName, usersPort, members);
    usersConfig.getJsonObject("verticles").getJsonObject("gateway").put("enabled", false);
    usersNode = Platform.start(usersConfig);
    JsonObject gatewayConfig = node(clusterName, gatewayPort, members);
    gatewayConfig.getJsonObject("verticles").getJsonObject("users").put("enabled", false);
    gatewayConfig.getJsonObject("verticles").getJsonObject("cart").put("enabled", false);
    gatewayNode = Platform.start(gatewayConfig);
    gatewayHttpPort = gatewayConfig.getJsonObject("http").getInteger("port");
    http = new HttpTestClient("http://127.0.0.1:" + gatewayHttpPort).withHeader("X-Forwarded-For", "10.99.0.1");

  }

  private static JsonObject node(String clusterName, int clusterPort, JsonArray members) {
    JsonObject config = TestPlatform.nodeConfig();
    config.getJsonObject("cluster").put("enabled", true).put("name", clusterName)
        .put("port", clusterPort).put("members", members);
    return config;
  }

  @AfterAll
  static void stopNodes() {

    if (gatewayNode != null) {
      gatewayNode.stop();
    }
    if (usersNode != null) {
      usersNode.stop();
    }
  }

  @Test
  void aGatewayNodeServesUsersRunningOnAnotherNodeAndLearnsTheirRevocations() {
    String email = TestPlatform.uniqueEmail("cluster");
    Users.Session session = Users.register(http, email);
    assertThat(http.get("/api/v1/me").bearer(session.accessToken()).send().json().getString("email")).isEqualTo(email);
    assertThat(http.get("/ready").send().status()).isEqualTo(200);

    assertThat(http.post("/api/v1/auth/logout-all").bearer(session.accessToken()).send().status()).isEqualTo(204);

    // The revocation is published across the cluster; it may land a moment after the 204.
    assertThat(awaitStatus(session.accessToken(), 401, Duration.ofSeconds(5))).isEqualTo(401);
  }

  @Test
  void aCartChangeOnOneNodeReachesTheUsersWebSocketOnTheOther() {
    // a SKU made through the main test platform, which shares the database
    Shop.Sku sku = new Shop().stockedSku("9.00", 5);
    Users.Session buyer = Users.register(http, TestPlatform.uniqueEmail("cluster-ws"));
    try (LiveSocket socket = LiveSocket.open(LiveSocket.sharedClient(), gatewayHttpPort,
        buyer.accessToken())) {
      socket.next("ready");
      Reply added = http.post("/api/v1/cart/items").bearer(buyer.accessToken())
          .json(new JsonObject().put("skuId", sku.skuId()).put("quantity", 2)).send();
      assertThat(added.status()).as(added.toString()).isEqualTo(200);
      JsonObject changed = socket.next("cart.changed");
      assertThat(changed.getInteger("lineCount")).isEqualTo(1);
      assertThat(changed.getInteger("selectedQuantity")).isEqualTo(2);
    }
  }

  private static int awaitStatus(String accessToken, int expected, Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    int status;
    do {
      status = http.get("/api/v1/me").bearer(accessToken).send().status();
    } while (status != expected && Instant.now().isBefore(deadline));
    return status;
  }

  @Test
  void anyNodeShowsEveryNodeAndScalesAVerticleOnAnother() {
    TestPlatform.config(); // the admin account lives in the shared database
    Users.Session admin = Users.admin(http);
    JsonArray nodes = platform(admin).getJsonArray("nodes");
    assertThat(nodes).hasSize(2);
    JsonObject withoutGateway = nodes.stream().map(JsonObject.class::cast)
        .filter(node -> names(node).contains("users") && !names(node).contains("gateway")).findFirst().orElseThrow();
    assertThat(nodes.stream().map(JsonObject.class::cast).filter(node -> names(node).contains("gateway")
        && !names(node).contains("cart"))).hasSize(1);
    assertThat(withoutGateway.getString("host")).isNotBlank();
    String path = "/api/v1/admin/platform/nodes/" + withoutGateway.getString("id") + "/verticles/storefront";

    Reply scaled = http.put(path).bearer(admin.accessToken()).json(new JsonObject().put("instances", 3)).send();
    assertThat(scaled.status()).as(scaled.toString()).isEqualTo(200);
    assertThat(storefrontInstances(admin, withoutGateway.getString("id"))).isEqualTo(3);
    assertThat(http.get("/").send().status()).isEqualTo(200);
    int configured = scaled.json().getInteger("previousInstances");
    assertThat(http.put(path).bearer(admin.accessToken()).json(new JsonObject().put("instances", configured)).send()
        .status()).isEqualTo(200);
    assertThat(storefrontInstances(admin, withoutGateway.getString("id"))).isEqualTo(configured);
  }

  private static JsonObject platform(Users.Session admin) {
    Reply reply = http.get("/api/v1/admin/platform").bearer(admin.accessToken()).send();
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    return reply.json();
  }

  private static List<String> names(JsonObject node) {
    return node.getJsonArray("verticles").stream().map(v -> ((JsonObject) v).getString("name")).toList();
  }

  private static int storefrontInstances(Users.Session admin, String nodeId) {
    return platform(admin).getJsonArray("nodes").stream().map(JsonObject.class::cast)
        .filter(node -> node.getString("id").equals(nodeId)).findFirst().orElseThrow()
        .getJsonArray("verticles").stream().map(JsonObject.class::cast)
        .filter(verticle -> verticle.getString("name").equals("storefront")).findFirst().orElseThrow()
        .getInteger("instances");
  }
}
