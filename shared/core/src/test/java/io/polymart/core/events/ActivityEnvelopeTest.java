package io.polymart.core.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ActivityEnvelopeTest {
  private final ActivityEnvelope envelope = new ActivityEnvelope();
  private final UUID id = UUID.randomUUID();

  @Test
  void writesTheEnvelopeWithAtEqualToOccurredAt() {
    long millis = Instant.parse("2026-12-04T03:49:12.345Z").toEpochMilli();
    JsonObject event = new JsonObject(envelope.write("CartItemAdded", id, millis, "p-1",
        new Object[] {"productId", "p-1", "quantity", 3, "userId", null, "visitorId", "v-12345678"}));

    assertThat(event).isEqualTo(new JsonObject()
        .put("type", "CartItemAdded")
        .put("id", id.toString())
        .put("occurredAt", "2026-12-04T03:49:12.345Z")
        .put("aggregateId", "p-1")
        .put("data", new JsonObject().put("productId", "p-1").put("quantity", 3).put("visitorId", "v-12345678")
            .put("at", "2026-12-04T03:49:12.345Z")));
  }

  @Test
  void timestampsKeepTheirMillisecondsAcrossSecondsAndEpochs() {
    for (String at : new String[] {"2026-12-04T03:49:12.000Z", "2026-12-04T03:49:12.007Z",
        "2026-12-04T03:49:13.090Z", "2026-12-04T03:49:12.999Z", "1969-12-31T23:59:59.500Z"}) {
      JsonObject event = new JsonObject(envelope.write("ProductViewed", id, Instant.parse(at).toEpochMilli(), "p",
          new Object[] {"productId", "p"}));
      assertThat(event.getString("occurredAt")).isEqualTo(at);
      assertThat(Instant.parse(event.getJsonObject("data").getString("at"))).isEqualTo(Instant.parse(at));
    }
  }

  @Test
  void stringsAreEscaped() {
    String odd = "quote \" backslash \\ newline \n tab \t control \u0001 中文 </script>";
    JsonObject event = new JsonObject(envelope.write("Type\"", id, 0, odd, new Object[] {"na\"me", odd}));

    assertThat(event.getString("type")).isEqualTo("Type\"");
    assertThat(event.getString("aggregateId")).isEqualTo(odd);
    assertThat(event.getJsonObject("data").getString("na\"me")).isEqualTo(odd);
  }

  @Test
  void anEventWithNoDataFieldsHasOnlyAt() {
    JsonObject event = new JsonObject(envelope.write("T", id, 0, "a", new Object[0]));
    assertThat(event.getJsonObject("data").fieldNames()).containsExactly("at");
  }
}
