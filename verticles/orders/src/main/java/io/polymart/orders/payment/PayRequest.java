package io.polymart.orders.payment;

import io.polymart.core.error.FieldErrors;
import io.vertx.core.json.JsonObject;

import java.util.Set;

/** A validated {@code POST /orders/{id}/pay} body: the method and the sandbox's options ({@code outcome}, {@code delaySeconds}). */
public record PayRequest(String method, JsonObject options, String outcome) {
  private static final Set<String> METHODS = Set.of("card", "wallet", "bank_transfer");
  private static final Set<String> OUTCOMES = Set.of("success", "failure", "delay");
  private static final int MAX_DELAY_SECONDS = 600;

  public static PayRequest from(JsonObject body) {
    String method = body.getValue("method") instanceof String text ? text : null;
    JsonObject options = body.getValue("sandbox") instanceof JsonObject sandbox ? sandbox : new JsonObject();
    FieldErrors errors = new FieldErrors();
    errors.check(method != null && METHODS.contains(method), "method", "must be one of " + METHODS);
    errors.check(body.getValue("sandbox") == null || body.getValue("sandbox") instanceof JsonObject, "sandbox",
        "must be an object");
    errors.check(options.getValue("outcome") == null || OUTCOMES.contains(options.getValue("outcome")),
        "sandbox.outcome", "must be one of " + OUTCOMES);
    Object delay = options.getValue("delaySeconds");
    errors.check(delay == null || delay instanceof Integer seconds && seconds >= 0 && seconds <= MAX_DELAY_SECONDS,
        "sandbox.delaySeconds", "must be from 0 to " + MAX_DELAY_SECONDS);
    errors.throwIfAny();
    return new PayRequest(method, options, options.getString("outcome", "success"));
  }
}
