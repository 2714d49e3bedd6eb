package io.polymart.main;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import io.polymart.core.bus.BusServer;
import io.polymart.testing.HttpTestClient.Reply;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Issue 15, logs: with {@code logging.format json} each line is one JSON object, and every line written while
 * handling a request, in the gateway and in each verticle the request reaches over the event bus, carries the request's
 * id and its trace id, and its user's where that verticle knows the user; a line written for no request carries
 * none of them.
 */
class RequestLogLinesTest {

  @Test
  void everyLineWrittenForARequestInAnyVerticleCarriesItsIdsAsJson() {
    Shop shop = new Shop();
    Shop.Sku sku = shop.stockedSku("9.00", 4);
    Shop.Buyer buyer = shop.buyer();
    String requestId = "test-" + UUID.randomUUID();
    String traceId = UUID.randomUUID().toString().replace("-", "");

    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    Logger busServer = context.getLogger(BusServer.class);
    Level busServerLevel = busServer.getLevel();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    DrainedConsoleAppender json = new DrainedConsoleAppender();
    json.setContext(context);
    json.setName("test-json");
    json.setOutputStream(out);
    json.setEncoder(JsonLogLines.encoder(context));
    json.start();
    root.addAppender(json);
    // each verticle's answer to a bus request is a DEBUG line
    busServer.setLevel(Level.DEBUG);
    try {
      // the gateway, then the cart verticle, which asks the catalog for the SKU
      Reply added = shop.http.post(CatalogFixtures.API + "/cart/items").bearer(buyer.token())
          .header("X-Request-Id", requestId)
          .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
          .json(new JsonObject().put("skuId", sku.skuId()).put("quantity", 1)).send();
      assertThat(added.status()).as(added.toString()).isIn(200, 201);
      LoggerFactory.getLogger(RequestLogLinesTest.class).info("not for any request");
      CatalogFixtures.await("the request's lines", Duration.ofSeconds(10),
          () -> lines(out).stream().anyMatch(line -> line.getString("loggerName").equals("io.polymart.access")
              && line.getString("formattedMessage").startsWith("POST /api/v1/cart/items")));
    } finally {
      busServer.setLevel(busServerLevel);
      root.detachAppender(json);
      json.stop();
    }

    List<JsonObject> lines = lines(out);
    List<JsonObject> forRequest = lines.stream()
        .filter(line -> requestId.equals(mdc(line).getString("requestId"))).toList();
    assertThat(forRequest).extracting(line -> line.getString("formattedMessage"))
        .anyMatch(message -> message.startsWith("POST /api/v1/cart/items 20"))
        .anyMatch(message -> message.startsWith("cart.item.add answered"))
        .anyMatch(message -> message.startsWith("catalog.skus.lookup answered"));
    assertThat(forRequest).allSatisfy(line -> {
      assertThat(mdc(line).getString("traceId")).isEqualTo(traceId);
      assertThat(line.getLong("timestamp")).isPositive();
      assertThat(line.getString("level")).isIn("INFO", "DEBUG");
    });
    // the user, where the line's verticle knows it: the gateway and the cart; the catalog is asked about a SKU only
    assertThat(forRequest).filteredOn(line -> !line.getString("formattedMessage").startsWith("catalog."))
        .allSatisfy(line -> assertThat(mdc(line).getString("userId")).isEqualTo(buyer.session().userId()));
    JsonObject unrelated = lines.stream()
        .filter(line -> "not for any request".equals(line.getString("formattedMessage"))).findFirst().orElseThrow();
    assertThat(mdc(unrelated).containsKey("requestId")).isFalse();
    assertThat(mdc(unrelated).containsKey("traceId")).isFalse();
  }

  private static List<JsonObject> lines(ByteArrayOutputStream out) {
    return out.toString(StandardCharsets.UTF_8).lines().filter(line -> !line.isBlank()).map(JsonObject::new).toList();
  }

  private static JsonObject mdc(JsonObject line) {
    Object mdc = line.getValue("mdc");
    return mdc instanceof JsonObject object ? object : new JsonObject();
  }
}
