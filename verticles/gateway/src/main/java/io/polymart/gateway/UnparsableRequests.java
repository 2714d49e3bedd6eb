package io.polymart.gateway;

import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.polymart.core.error.ServiceException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;

/**
 * Requests the HTTP parser refused before any route could see them (a NUL or another control character in a
 * header, a broken request line, a line or headers too long): answered like Vert.x's own handler (414, 431 or
 * 400, then the connection closes), but in the documented error shape rather than an empty body.
 */
final class UnparsableRequests {
  private UnparsableRequests() {
  }

  static void handle(HttpServerRequest request) {
    Throwable cause = request.decoderResult().cause();
    ServiceException error;
    if (cause instanceof TooLongHttpLineException) {
      error = new ServiceException(414, "URI_TOO_LONG", "The request line is too long", null, null);
    } else if (cause instanceof TooLongHttpHeaderException) {
      error = new ServiceException(431, "HEADERS_TOO_LARGE", "The request headers are too large", null, null);
    } else {
      error = new ServiceException(400, "BAD_REQUEST", "The request could not be parsed", null, null);
    }
    HttpServerResponse response = request.response();
    SecurityHeaders.put(response);
    response.setStatusCode(error.status()).putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
        .putHeader(HttpHeaders.CACHE_CONTROL, "no-store").putHeader(HttpHeaders.CONNECTION, "close")
        .end(error.toJson().encode())
        .onComplete(done -> request.connection().close());
  }
}
