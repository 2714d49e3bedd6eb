package io.polymart.orders.payment;

import io.polymart.core.error.ServiceException;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebhookSignatureTest {
  private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
  private final WebhookSignature signature = new WebhookSignature("s3cret", 300, Clock.fixed(NOW, ZoneOffset.UTC));
  private final long now = NOW.getEpochSecond();
  private final String body = "{\"id\":\"evt_1\",\"data\":{\"amount\":\"12.00\"}}";

  @Test
  void acceptsItsOwnFreshSignature() {
    assertThatCode(() -> signature.verify(body, signature.sign(now, body), Long.toString(now)))
        .doesNotThrowAnyException();
    assertThatCode(() -> signature.verify(body, signature.sign(now - 299, body).toUpperCase(),
        Long.toString(now - 299))).doesNotThrowAnyException();
  }

  @Test
  void refusesATamperedBodyOrTimestamp() {
    String valid = signature.sign(now, body);
    assertInvalid(body.replace("12.00", "1.00"), valid, Long.toString(now));
    assertInvalid(body, valid, Long.toString(now - 1));
    assertInvalid(body, new WebhookSignature("other", 300, Clock.systemUTC()).sign(now, body), Long.toString(now));
  }

  @Test
  void refusesStaleFutureAndMissingParts() {
    assertInvalid(body, signature.sign(now - 301, body), Long.toString(now - 301));
    assertInvalid(body, signature.sign(now + 301, body), Long.toString(now + 301));
    assertInvalid(body, null, Long.toString(now));
    assertInvalid(body, signature.sign(now, body), null);
    assertInvalid(body, signature.sign(now, body), "soon");
  }

  private void assertInvalid(String payload, String sig, String timestamp) {
    assertThatThrownBy(() -> signature.verify(payload, sig, timestamp))
        .isInstanceOfSatisfying(ServiceException.class, e -> org.assertj.core.api.Assertions.assertThat(e.code())
            .isEqualTo("INVALID_SIGNATURE"));
  }
}
