package io.polymart.gateway;

import io.polymart.core.error.ServiceException;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Refuses, before routing, a request whose path, query or header values carry text no service can store: a NUL
 * character, or (path and query, once percent-decoded) bytes that are not UTF-8. The answer is a 400
 * {@code VALIDATION_FAILED} naming the part at fault: {@code path}, the query parameter, or the header. JSON bodies
 * get the same rules where they are parsed ({@link JsonBodies}).
 */
final class TextGuard {
  static final String PATH = "path";
  static final String QUERY = "query";

  private TextGuard() {
  }

  static void handle(RoutingContext ctx) {
    HttpServerRequest request = ctx.request();
    ServiceException refused = check(request.path(), request.query(), request.headers());
    if (refused == null) {
      ctx.next();
    } else {
      ErrorResponses.send(ctx, refused);
    }
  }

  /** The 400 for the first flawed part of a request as received (path and query still percent-encoded), or null. */
  static ServiceException check(String path, String query, MultiMap headers) {
    String flaw = path == null ? null : StrictText.uriFlaw(path);
    if (flaw != null) {
      return ServiceException.invalidField(PATH, flaw);
    }
    ServiceException refused = query == null ? null : checkQuery(query);
    return refused != null ? refused : checkHeaders(headers);
  }

  private static ServiceException checkHeaders(MultiMap headers) {
    for (Map.Entry<String, String> header : headers) {
      if (header.getValue().indexOf('\0') >= 0 || header.getKey().indexOf('\0') >= 0) {
        return ServiceException.invalidField(header.getKey().replace('\0', ' '), StrictText.NUL);
      }
    }
    return null;
  }

  /** Names the parameter whose name or value is flawed ({@code query} when its name cannot be read). */
  private static ServiceException checkQuery(String query) {
    if (StrictText.uriFlaw(query) == null) {
      return null;
    }
    for (String pair : query.split("&")) {
      int equals = pair.indexOf('=');
      String name = equals < 0 ? pair : pair.substring(0, equals);
      String flaw = StrictText.uriFlaw(pair);
      if (flaw != null) {
        String readable = StrictText.uriFlaw(name) == null ? URLDecoder.decode(name, StandardCharsets.UTF_8)
            : QUERY;
        return ServiceException.invalidField(readable, flaw);
      }
    }
    return ServiceException.invalidField(QUERY, StrictText.NOT_UTF8);
  }
}
