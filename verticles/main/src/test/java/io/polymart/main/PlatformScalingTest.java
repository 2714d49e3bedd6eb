package io.polymart.main;

import static org.assertj.core.api.Assertions.assertThat;

import io.polymart.testing.Await;
import io.polymart.testing.HttpTestClient;
import io.polymart.testing.HttpTestClient.Reply;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Issue 15, scaling verticles at run time: {@code GET /admin/platform} shows the node, its verticles and their load;
 * the catalog goes from 1 to 3 instances and back to 1 under a steady read load and not one request fails; what
 * cannot be changed, or is asked wrongly, is refused as documented.
 */
class PlatformScalingTest {
  private static final String PLATFORM = "/api/v1/admin/platform";
  private final HttpTestClient http = TestPlatform.client();

  @Test
  void theCatalogScalesFromOneToThreeAndBackUnderLoadWithoutAFailedRequest() throws Exception {
    Users.Session admin = Users.admin(http);
    Shop.Sku sku = new Shop().stockedSku("12.50", 100);
    String node = onlyNode(admin).getString("id");
    int configured = verticle(admin, "catalog").getInteger("instances");
    scale(admin, node, "catalog", 1);
    try (SteadyReads load = SteadyReads.start(TestPlatform.baseUrl(), List.of("/api/v1/products/" + sku.productId(),
        "/api/v1/products?q=Item&size=5", "/api/v1/products/" + sku.productId() + "/price-history"), 6)) {
      awaitMore(load, 200);

      Reply upReply = put(admin, node, "catalog", 3, "scale-up-" + node);
      assertThat(upReply.status()).as(upReply.toString()).isEqualTo(200);
      JsonObject up = upReply.json();
      assertThat(up.getInteger("previousInstances")).isEqualTo(1);
      assertThat(up.getInteger("instances")).isEqualTo(3);
      assertThat(verticle(admin, "catalog").getInteger("instances")).isEqualTo(3);
      awaitMore(load, 300);

      JsonObject down = scale(admin, node, "catalog", 1);
      assertThat(down.getInteger("previousInstances")).isEqualTo(3);
      assertThat(down.getInteger("instances")).isEqualTo(1);
      assertThat(verticle(admin, "catalog").getInteger("instances")).isEqualTo(1);
      awaitMore(load, 300);

      Await.until("the catalog's load to show", Duration.ofSeconds(15),
          () -> verticle(admin, "catalog").getDouble("requestsPerSecond") > 0);
      load.close();
      assertThat(load.failures()).as("requests that failed while the catalog was scaled").isEmpty();
    } finally {
      scale(admin, node, "catalog", configured);
    }
    JsonObject catalog = verticle(admin, "catalog");
    assertThat(catalog.getInteger("instances")).isEqualTo(configured);
    assertThat(catalog.getInteger("configuredInstances")).isEqualTo(configured);

    JsonObject recorded = awaitAudited(admin, "node:" + node + "/verticle:catalog", "scale-up-" + node);
    assertThat(recorded.getString("action")).isEqualTo("platform.scale");
    assertThat(recorded.getString("actorId")).isEqualTo(admin.userId());
    assertThat(recorded.getJsonObject("oldValue")).isEqualTo(new JsonObject().put("instances", 1));
    assertThat(recorded.getJsonObject("newValue")).isEqualTo(new JsonObject().put("instances", 3));
    assertThat(recorded.getString("clientIp")).isNotBlank();
  }

  /** The audit entry of the request {@code requestId}, once the users verticle has kept it. */
  private JsonObject awaitAudited(Users.Session admin, String target, String requestId) {
    JsonObject[] found = new JsonObject[1];
    Await.until("the scaling's audit entry", Duration.ofSeconds(20), () -> {
      Reply trail = http.get("/api/v1/admin/audit?action=platform.scale&target=" + target)
          .bearer(admin.accessToken()).send();
      assertThat(trail.status()).as(trail.toString()).isEqualTo(200);
      found[0] = trail.json().getJsonArray("items").stream().map(JsonObject.class::cast)
          .filter(entry -> requestId.equals(entry.getString("requestId"))).findFirst().orElse(null);
      return found[0] != null;
    });
    return found[0];
  }

  @Test
  void theGatewayIsSetByConfAndBadRequestsAreRefused() {
    Users.Session admin = Users.admin(http);
    JsonObject node = onlyNode(admin);
    assertThat(node.getBoolean("reachable")).isTrue();
    assertThat(node.getLong("uptimeSeconds")).isNotNegative();
    JsonObject gateway = verticle(admin, "gateway");
    assertThat(gateway.getInteger("instances")).isEqualTo(2);
    assertThat(gateway.getBoolean("scalable")).isFalse();
    assertThat(verticle(admin, "catalog").getBoolean("scalable")).isTrue();
    String id = node.getString("id");

    Reply gatewayScaled = put(admin, id, "gateway", 3);
    assertThat(gatewayScaled.status()).as(gatewayScaled.toString()).isEqualTo(422);
    assertThat(gatewayScaled.json().getJsonObject("error").getString("code")).isEqualTo("NOT_SCALABLE");
    assertThat(put(admin, UUID.randomUUID().toString(), "catalog", 2).status()).isEqualTo(404);
    assertThat(put(admin, id, "inventory", 2).status()).isEqualTo(404);
    assertThat(put(admin, id, "catalog", 33).status()).isEqualTo(400);
    assertThat(put(admin, id, "catalog", -1).status()).isEqualTo(400);
    assertThat(verticle(admin, "gateway").getInteger("instances")).isEqualTo(2);

    Users.Session customer = Users.register(http, TestPlatform.uniqueEmail("not-an-operator"));
    assertThat(http.get(PLATFORM).bearer(customer.accessToken()).send().status()).isEqualTo(403);
    assertThat(put(customer, id, "catalog", 2).status()).isEqualTo(403);
    assertThat(http.get(PLATFORM).send().status()).isEqualTo(401);
  }

  private static void awaitMore(SteadyReads load, int requests) {
    long target = load.answered() + requests;
    Await.until(requests + " more requests answered", Duration.ofSeconds(30), () -> load.answered() >= target);
  }

  private JsonObject onlyNode(Users.Session admin) {
    Reply reply = http.get(PLATFORM).bearer(admin.accessToken()).send();
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    JsonArray nodes = reply.json().getJsonArray("nodes");
    assertThat(nodes).hasSize(1);
    return nodes.getJsonObject(0);
  }

  private JsonObject verticle(Users.Session admin, String name) {
    return onlyNode(admin).getJsonArray("verticles").stream().map(JsonObject.class::cast)
        .filter(verticle -> verticle.getString("name").equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no verticle " + name));
  }

  private JsonObject scale(Users.Session admin, String node, String name, int instances) {
    Reply reply = put(admin, node, name, instances);
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    return reply.json();
  }

  private Reply put(Users.Session caller, String node, String name, int instances) {
    return put(caller, node, name, instances, "scale-" + UUID.randomUUID());
  }

  private Reply put(Users.Session caller, String node, String name, int instances, String requestId) {
    return http.put(PLATFORM + "/nodes/" + node + "/verticles/" + name).bearer(caller.accessToken())
        .header("X-Request-Id", requestId).json(new JsonObject().put("instances", instances)).send();
  }
}
