package io.polymart.gateway;

import java.util.Arrays;

/**
 * How the gateway serves an operation whose plain "validate the JSON body, forward it to the address, answer the
 * reply" does not fit. The contract names it in the operation's {@code x-polymart-hook}; see the document's
 * introduction for what each one does.
 */
enum Hook {
  /** Validate, forward to {@code x-polymart-address}, answer the reply. */
  NONE("", true),
  /** After a successful login that carried {@code X-Cart-Token}, merge that guest cart before answering. */
  GUEST_CART_MERGE("guest-cart-merge", true),
  /** The body is passed on as the exact text received, with the signature headers (payment webhooks). */
  RAW_BODY("raw-body", true),
  /** A multipart upload with its own size limit; the file's bytes are forwarded. */
  MULTIPART_UPLOAD("multipart-upload", true),
  /** The reply is a file ({@code contentType}, {@code bytes}) answered as itself, cacheable for a year. */
  MEDIA("media", true),
  /** The reply is the platform's readiness report, answered 200 or 503. */
  READY("ready", true),
  /** Answered by the gateway itself. */
  HEALTH("health", false),
  /** This contract, as bundled. */
  OPENAPI_DOCUMENT("openapi-document", false),
  /** The WebSocket of live updates, which authenticates its own way. */
  LIVE_UPDATES("live-updates", false);

  private final String name;
  private final boolean forwards;

  Hook(String name, boolean forwards) {
    this.name = name;
    this.forwards = forwards;
  }

  /** Whether the operation sends a request to its {@code x-polymart-address}. */
  boolean forwards() {
    return forwards;
  }

  /** Whether the request's body is read by the route itself rather than as JSON for every API route. */
  boolean readsOwnBody() {
    return this == MULTIPART_UPLOAD;
  }

  static Hook named(String name) {
    if (name == null) {
      return NONE;
    }
    return Arrays.stream(values()).filter(hook -> hook != NONE && hook.name.equals(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown x-polymart-hook '" + name + "'"));
  }
}
