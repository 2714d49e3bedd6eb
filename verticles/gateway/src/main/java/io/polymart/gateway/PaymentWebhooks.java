package io.polymart.gateway;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A payment provider's callback. The body is passed on untouched, as the exact text received, because the orders
 * verticle checks the provider's signature over those bytes; so is the signature and its timestamp.
 */
final class PaymentWebhooks {
  static final String SIGNATURE_HEADER = "X-Polymart-Signature";
  static final String TIMESTAMP_HEADER = "X-Polymart-Timestamp";
  private final BusForwarder forwarder;

  PaymentWebhooks(BusForwarder forwarder) {
    this.forwarder = forwarder;
  }

  void forward(RoutingContext ctx, ApiOperation route) {
    String payload;
    try {
      payload = utf8(ctx.body() == null ? null : ctx.body().buffer());
    } catch (CharacterCodingException e) {
      // Replacing bad bytes would change what was signed; say so instead of failing the signature later.
      ErrorResponses.send(ctx, 400, "BAD_REQUEST", "The webhook body must be UTF-8 text");
      return;
    }
    JsonObject body = new JsonObject()
        .put("provider", ctx.pathParam("provider"))
        .put("payload", payload)
        .put("signature", ctx.request().getHeader(SIGNATURE_HEADER))
        .put("timestamp", ctx.request().getHeader(TIMESTAMP_HEADER));
    forwarder.send(ctx, route, body);
  }

  private static String utf8(Buffer raw) throws CharacterCodingException {
    if (raw == null) {
      return "";
    }
    return StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT)
        .decode(ByteBuffer.wrap(raw.getBytes()))
        .toString();
  }
}
