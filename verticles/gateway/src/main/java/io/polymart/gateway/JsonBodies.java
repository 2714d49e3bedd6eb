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
    String text;
    try {
      text = StrictText.decodeUtf8(raw.getBytes());
    } catch (CharacterCodingException e) {
      throw malformed("Request body is not valid UTF-8");
    }
    Object value;
    try {
      value = Json.decodeValue(text.startsWith(BYTE_ORDER_MARK) ? text.substring(1) : text);
    } catch (DecodeException e) {
      throw malformed("Request body is not valid JSON");
    }
    if (!(value instanceof JsonObject object)) {
      throw malformed("Request body must be a JSON object");
    }
    checkText(object, "");
    return object;
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

  /** Every name and string beneath {@code value}, named as the schema errors name fields ({@code roles.0}). */
  private static void checkText(Object value, String field) {
    if (value instanceof JsonObject object) {
      for (Map.Entry<String, Object> entry : object) {
        String name = field.isEmpty() ? entry.getKey() : field + "." + entry.getKey();
        String flaw = StrictText.flaw(entry.getKey());
        if (flaw != null) {
          throw ServiceException.invalidField(field.isEmpty() ? "" : field, "has a property name that " + flaw);
        }
        checkText(entry.getValue(), name);
      }
    } else if (value instanceof JsonArray array) {
      for (int i = 0; i < array.size(); i++) {
        checkText(array.getValue(i), field.isEmpty() ? String.valueOf(i) : field + "." + i);
      }
    } else if (value instanceof String text) {
      String flaw = StrictText.flaw(text);
      if (flaw != null) {
        throw ServiceException.invalidField(field, flaw);
      }
    }
  }

  private static ServiceException malformed(String message) {
    return new ServiceException(400, "MALFORMED_JSON", message, null, null);
  }
}
