package io.polymart.gateway;

import io.polymart.core.error.ServiceException;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import java.nio.charset.CharacterCodingException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a request's JSON object body as RFC 8259 says: UTF-8, decoded strictly (Jackson on its own would guess
 * UTF-16 from the bytes and decode overlong forms and encoded surrogates). A body in another charset, or not
 * UTF-8, is {@code 400 MALFORMED_JSON}; a name or string holding a NUL or an unpaired surrogate (written as a
 * {@code \\u} escape) is {@code 400 VALIDATION_FAILED} naming the field.
 */
final class JsonBodies {
  /** RFC 8259 lets a parser ignore one; Jackson did when it read the bytes. */
  private static final String BYTE_ORDER_MARK = "\uFEFF";

  private JsonBodies() {
  }

  static JsonObject parse(RoutingContext ctx) {
    return parse(ctx.request().getHeader(HttpHeaders.CONTENT_TYPE), ctx.body() == null ? null : ctx.body().buffer());
  }

  /** The body as a JSON object, or a 400 {@link ServiceException} saying why not. */
  static JsonObject parse(String contentType, Buffer raw) {
    if (raw == null || raw.length() == 0) {
      throw malformed("A JSON object body is required");
    }
    String charset = charset(contentType);
    if (charset != null && !charset.equals("utf-8") && !charset.equals("utf8")) {
      throw malformed("Request body must be JSON in UTF-8, not " + charset);
    }
    byte[] bytes = raw.getBytes();
    Scan scan = Scan.of(bytes);
    String text = null;
    if (!scan.ascii()) {
      try {
        text = StrictText.decodeUtf8(bytes);
      } catch (CharacterCodingException e) {
        throw malformed("Request body is not valid UTF-8");
      }
    }
    Object value;
    try {
      // ASCII without NUL is UTF-8 as it stands, and Jackson reads it without guessing another encoding
      value = text == null ? raw.toJsonValue()
          : Json.decodeValue(text.startsWith(BYTE_ORDER_MARK) ? text.substring(1) : text);
    } catch (DecodeException e) {
      throw malformed("Request body is not valid JSON");
    }
    if (!(value instanceof JsonObject object)) {
      throw malformed("Request body must be a JSON object");
    }
    // strict decoding lets no lone surrogate through, and JSON no raw NUL: only a \\u escape can write either
    Flaw flaw = scan.escapes() ? flaw(object) : null;
    if (flaw != null) {
      throw ServiceException.invalidField(flaw.field(), flaw.message());
    }
    return object;
  }

  /**
   * Whether the body is ASCII without NUL (UTF-8 as it stands, the common case) and whether it has a backslash
   * (an escape to look into).
   */
  private record Scan(boolean ascii, boolean escapes) {
    static Scan of(byte[] bytes) {
      boolean escapes = false;
      for (byte b : bytes) {
        if (b <= 0) {
          return new Scan(false, true);
        }
        escapes |= b == '\\';
      }
      return new Scan(true, escapes);
    }
  }

  /** The {@code charset} parameter of a Content-Type, lower case and unquoted, or null. */
  static String charset(String contentType) {
    if (contentType == null) {
      return null;
    }
    for (String parameter : contentType.split(";")) {
      String[] pair = parameter.trim().split("=", 2);
      if (pair.length == 2 && pair[0].trim().equalsIgnoreCase("charset")) {
        return pair[1].trim().replace("\"", "").toLowerCase(Locale.ROOT);
      }
    }
    return null;
  }

  /** The first name or string beneath {@code value} that holds a NUL or an unpaired surrogate, or null. */
  private static Flaw flaw(Object value) {
    if (value instanceof JsonObject object) {
      return flaw(object.getMap());
    }
    if (value instanceof JsonArray array) {
      return flaw(array.getList());
    }
    if (value instanceof Map<?, ?> map) {
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        String name = String.valueOf(entry.getKey());
        String reason = StrictText.flaw(name);
        if (reason != null) {
          return new Flaw("", "has a property name that " + reason);
        }
        Flaw inner = flaw(entry.getValue());
        if (inner != null) {
          return inner.under(name);
        }
      }
    } else if (value instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        Flaw inner = flaw(list.get(i));
        if (inner != null) {
          return inner.under(String.valueOf(i));
        }
      }
    } else if (value instanceof String text) {
      String reason = StrictText.flaw(text);
      return reason == null ? null : new Flaw("", reason);
    }
    return null;
  }

  /** What is wrong and where, named as schema errors name fields ({@code roles.0}); built on failure only. */
  private record Flaw(String field, String message) {
    Flaw under(String name) {
      return new Flaw(field.isEmpty() ? name : name + "." + field, message);
    }
  }

  private static ServiceException malformed(String message) {
    return new ServiceException(400, "MALFORMED_JSON", message, null, null);
  }
}
