package io.polymart.core.bus;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** A reply of encoded JSON reaches a caller that takes bytes as those bytes, and every other caller as an object. */
class BusServerEncodedReplyTest {
  private static final String ADDRESS = "test.encoded";
  private static final Buffer PAGE = Buffer.buffer("{\"id\":\"p-1\",\"name\":\"Lamp \\u00e9\",\"price\":\"12.50\"}");
  private Vertx vertx;

  @BeforeEach
  void start() throws Exception {
    vertx = Vertx.vertx();
    BusServer server = new BusServer(vertx)
        .handleReply(ADDRESS, request -> Future.succeededFuture(BusReply.encoded(PAGE, Map.of(BusReply.ETAG, "\"e\""))));
    server.ready().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @AfterEach
  void stop() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  private Message<Object> request(DeliveryOptions options) throws Exception {
    return vertx.eventBus().request(ADDRESS, BusRequest.envelope(new JsonObject(), new JsonObject(), new JsonObject()),
        options).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Test
  void aCallerThatTakesEncodedJsonGetsTheBytes() throws Exception {
    Message<Object> reply = request(new DeliveryOptions().addHeader(BusHeaders.TAKES_ENCODED_JSON, "1"));

    assertThat(reply.body()).isInstanceOf(Buffer.class);
    assertThat(reply.body()).isEqualTo(PAGE);
    assertThat(reply.headers().get(BusReply.ETAG)).isEqualTo("\"e\"");
  }

  @Test
  void anyOtherCallerGetsTheJsonObject() throws Exception {
    Message<Object> reply = request(new DeliveryOptions());

    assertThat(reply.body()).isEqualTo(new JsonObject().put("id", "p-1").put("name", "Lamp é").put("price", "12.50"));
    assertThat(reply.headers().get(BusReply.ETAG)).isEqualTo("\"e\"");
  }

  @Test
  void aJsonReplyIsEncodedForACallerThatTakesEncodedJsonAndTheObjectForAnyOther() throws Exception {
    JsonObject cart = new JsonObject().put("lines", 2).put("subtotal", "19.90");
    new BusServer(vertx).handle("test.json", request -> Future.succeededFuture(cart)).ready()
        .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);

    Object encoded = jsonReply(new DeliveryOptions().addHeader(BusHeaders.TAKES_ENCODED_JSON, "1"));
    Object object = jsonReply(new DeliveryOptions());

    assertThat(encoded).isInstanceOf(Buffer.class);
    assertThat(new JsonObject((Buffer) encoded)).isEqualTo(cart);
    assertThat(object).isEqualTo(cart);
  }

  @Test
  void noContentStaysEmptyForACallerThatTakesEncodedJson() throws Exception {
    new BusServer(vertx).handle("test.empty", request -> Future.succeededFuture(null)).ready()
        .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);

    Object body = vertx.eventBus().request("test.empty", BusRequest.envelope(new JsonObject(), new JsonObject(),
            new JsonObject()), new DeliveryOptions().addHeader(BusHeaders.TAKES_ENCODED_JSON, "1"))
        .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS).body();
    assertThat(body).isNull();
  }

  private Object jsonReply(DeliveryOptions options) throws Exception {
    return vertx.eventBus().request("test.json", BusRequest.envelope(new JsonObject(), new JsonObject(),
            new JsonObject()), options).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS).body();
  }
}
