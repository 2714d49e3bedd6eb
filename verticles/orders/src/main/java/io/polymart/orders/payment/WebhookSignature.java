package io.polymart.orders.payment;

import io.polymart.core.error.ServiceException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.HexFormat;

/**
 * Webhook signatures: {@code X-Polymart-Signature} is the hex HMAC-SHA256 of {@code <timestamp>.<raw body>} under
 * the provider's secret, {@code X-Polymart-Timestamp} the Unix time in seconds when it was sent. Signing the
 * timestamp with the body lets a stale delivery (a replayed capture) be refused.
 */
public final class WebhookSignature {
  private final byte[] secret;
  private final long toleranceSeconds;
  private final Clock clock;

  public WebhookSignature(String secret, long toleranceSeconds, Clock clock) {
    this.secret = secret.getBytes(StandardCharsets.UTF_8);
    this.toleranceSeconds = toleranceSeconds;
    this.clock = clock;
  }

  public String sign(long timestamp, String payload) {
    return hmacHex(secret, timestamp + "." + payload);
  }

  /** Hex HMAC-SHA256 of {@code text} (UTF-8) under {@code key}. */
  public static String hmacHex(byte[] key, String text) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Throws a 400 {@code INVALID_SIGNATURE} unless the signature matches and the timestamp is within tolerance. */
  public void verify(String payload, String signature, String timestamp) {
    if (payload == null || signature == null || timestamp == null || !timestamp.matches("\\d{1,12}")) {
      throw invalid("The webhook signature or timestamp is missing");
    }
    long sentAt = Long.parseLong(timestamp);
    if (Math.abs(clock.instant().getEpochSecond() - sentAt) > toleranceSeconds) {
      throw invalid("The webhook timestamp is too old or in the future");
    }
    byte[] expected = sign(sentAt, payload).getBytes(StandardCharsets.US_ASCII);
    if (!MessageDigest.isEqual(expected, signature.trim().toLowerCase().getBytes(StandardCharsets.US_ASCII))) {
      throw invalid("The webhook signature does not match");
    }
  }

  private static ServiceException invalid(String message) {
    return new ServiceException(400, "INVALID_SIGNATURE", message, null, null);
  }
}
