package io.polymart.main;

import static org.assertj.core.api.Assertions.assertThat;

import io.polymart.core.db.PgSettings;
import io.polymart.testing.HttpTestClient;
import io.polymart.testing.HttpTestClient.Reply;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Issue 15, audit trail (first slice, the users module's actions): an admin's change of an account's roles and
 * status is recorded with actor, old and new values, client address and request id; admins search it by actor,
 * action, target and time; nobody else may; and the table refuses any change or removal of an entry.
 */
class AuditTrailTest {
  private final HttpTestClient http = TestPlatform.client();

  @Test
  void anAdminsChangesAreRecordedAndSearchable() {
    Users.Session admin = Users.admin(http);
    Users.Session customer = Users.register(http, TestPlatform.uniqueEmail("audited"));
    String target = "user:" + customer.userId();
    Instant before = Instant.now().minus(1, ChronoUnit.SECONDS);

    Reply promoted = http.patch("/api/v1/admin/users/" + customer.userId()).bearer(admin.accessToken())
        .header("X-Request-Id", "audit-roles-" + customer.userId())
        .json(new JsonObject().put("roles", new JsonArray().add("customer").add("seller"))).send();
    assertThat(promoted.status()).as(promoted.toString()).isEqualTo(200);
    Reply disabled = http.patch("/api/v1/admin/users/" + customer.userId()).bearer(admin.accessToken())
        .json(new JsonObject().put("status", "disabled")).send();
    assertThat(disabled.status()).as(disabled.toString()).isEqualTo(200);
    // the same value again changes nothing, and records nothing
    assertThat(http.patch("/api/v1/admin/users/" + customer.userId()).bearer(admin.accessToken())
        .json(new JsonObject().put("status", "disabled")).send().status()).isEqualTo(200);

    JsonObject trail = search(admin, "target=" + target);
    assertThat(trail.getLong("total")).isEqualTo(2);
    JsonObject status = trail.getJsonArray("items").getJsonObject(0);
    JsonObject roles = trail.getJsonArray("items").getJsonObject(1);
    assertThat(status.getString("action")).isEqualTo("user.status");
    assertThat(status.getValue("oldValue")).isEqualTo("active");
    assertThat(status.getValue("newValue")).isEqualTo("disabled");
    assertThat(roles.getString("action")).isEqualTo("user.roles");
    assertThat(roles.getJsonArray("oldValue")).containsExactly("customer");
    assertThat(roles.getJsonArray("newValue")).containsExactly("customer", "seller");
    assertThat(roles.getString("requestId")).isEqualTo("audit-roles-" + customer.userId());
    for (JsonObject entry : new JsonObject[] {status, roles}) {
      assertThat(entry.getString("actorId")).isEqualTo(admin.userId());
      assertThat(entry.getString("target")).isEqualTo(target);
      assertThat(entry.getString("clientIp")).isNotBlank();
      assertThat(Instant.parse(entry.getString("at"))).isAfter(before);
    }
    assertThat(status.getLong("id")).isGreaterThan(roles.getLong("id"));

    assertThat(search(admin, "target=" + target + "&action=user.roles").getLong("total")).isEqualTo(1);
    assertThat(search(admin, "target=" + target + "&actor=" + admin.userId()).getLong("total")).isEqualTo(2);
    assertThat(search(admin, "target=" + target + "&actor=" + UUID.randomUUID()).getLong("total")).isZero();
    assertThat(search(admin, "target=" + target + "&from=" + Instant.now().plusSeconds(3600)).getLong("total"))
        .isZero();
    assertThat(search(admin, "target=" + target + "&to=" + before).getLong("total")).isZero();
    assertThat(search(admin, "target=" + target + "&from=" + before + "&size=1&page=2").getJsonArray("items"))
        .hasSize(1);
  }

  @Test
  void onlyAdminsSearchAndBadCriteriaAreNamed() {
    Users.Session admin = Users.admin(http);
    Users.Session customer = Users.register(http, TestPlatform.uniqueEmail("not-admin"));
    assertThat(http.get("/api/v1/admin/audit").send().status()).isEqualTo(401);
    Reply forbidden = http.get("/api/v1/admin/audit").bearer(customer.accessToken()).send();
    assertThat(forbidden.status()).isEqualTo(403);
    for (String bad : new String[] {"actor=someone", "from=yesterday", "to=2026-13-01T00:00:00Z", "page=0",
        "size=101"}) {
      Reply reply = http.get("/api/v1/admin/audit?" + bad).bearer(admin.accessToken()).send();
      assertThat(reply.status()).as(bad + ": " + reply).isEqualTo(400);
      assertThat(reply.errorCode()).isEqualTo("VALIDATION_FAILED");
    }
  }

  @Test
  void entriesCannotBeChangedOrRemoved() throws Exception {
    Users.Session admin = Users.admin(http);
    Users.Session customer = Users.register(http, TestPlatform.uniqueEmail("kept"));
    assertThat(http.patch("/api/v1/admin/users/" + customer.userId()).bearer(admin.accessToken())
        .json(new JsonObject().put("status", "disabled")).send().status()).isEqualTo(200);
    String target = "user:" + customer.userId();

    Pool pg = PgSettings.from(TestPlatform.config()).pool(TestPlatform.vertx(), "test");
    try {
      for (String statement : new String[] {
          "UPDATE users.audit_log SET new_value = '\"active\"' WHERE target = $1",
          "DELETE FROM users.audit_log WHERE target = $1"}) {
        Throwable refused = pg.preparedQuery(statement).execute(Tuple.of(target)).toCompletionStage()
            .toCompletableFuture().handle((rows, failure) -> failure).get(10, TimeUnit.SECONDS);
        assertThat(refused).as(statement).isNotNull().hasMessageContaining("append-only");
      }
    } finally {
      pg.close();
    }
    JsonObject trail = search(admin, "target=" + target);
    assertThat(trail.getLong("total")).isEqualTo(1);
    assertThat(trail.getJsonArray("items").getJsonObject(0).getValue("newValue")).isEqualTo("disabled");
  }

  private JsonObject search(Users.Session admin, String query) {
    Reply reply = http.get("/api/v1/admin/audit?" + query).bearer(admin.accessToken()).send();
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    return reply.json();
  }
}
