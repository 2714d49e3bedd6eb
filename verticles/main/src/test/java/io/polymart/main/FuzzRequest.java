package io.polymart.main;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.cornutum.tcases.openapi.resolver.MessageData;
import org.cornutum.tcases.openapi.resolver.ParamData;
import org.cornutum.tcases.openapi.resolver.RequestCase;
import org.cornutum.tcases.openapi.testwriter.RequestCaseUtils;
import org.cornutum.tcases.openapi.testwriter.encoder.DataValueJson;
import org.cornutum.tcases.resolve.DataValue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/** One Tcases request case as the HTTP request it describes, with seeded ids in place of generated valid ones. */
final class FuzzRequest {
  private static final Pattern UUID = Pattern.compile(
      "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");

  final String method;
  final String target;
  final Map<String, String> headers = new LinkedHashMap<>();
  final byte[] body;

  FuzzRequest(RequestCase requestCase, FuzzSeeds seeds, String bearer) {
    this.method = requestCase.getOperation().toUpperCase();
    String path = requestCase.getPath();
    List<String> query = new ArrayList<>();
    List<String> cookies = new ArrayList<>();
    for (ParamData param : requestCase.getParams()) {
      switch (param.getLocation()) {
        case PATH -> {
          String value = param.isValid() && param.getValue() != null
              ? seeds.pathValue(requestCase.getPath(), param.getName()).orElse(null) : null;
          path = path.replace("{" + param.getName() + "}",
              encoded(value != null ? value : RequestCaseUtils.getPathParameterValue(param, false)));
        }
        case QUERY -> RequestCaseUtils.getQueryParameters(param, true)
            .forEach(entry -> query.add(entry.getKey() + "=" + entry.getValue()));
        case HEADER -> RequestCaseUtils.getHeaderParameterValue(param)
            .ifPresent(value -> headers.put(param.getName(), value));
        case COOKIE -> RequestCaseUtils.getCookieParameters(param)
            .forEach(entry -> cookies.add(entry.getKey() + "=" + entry.getValue()));
      }
    }
    this.target = query.isEmpty() ? path : path + "?" + String.join("&", query);
    if (!cookies.isEmpty()) {
      headers.put("Cookie", String.join("; ", cookies));
    }
    if (bearer != null) {
      headers.put("Authorization", "Bearer " + bearer);
    }
    // each request from its own address, so the per-IP rate limits of login and register do not answer for it
    ThreadLocalRandom random = ThreadLocalRandom.current();
    headers.put("X-Forwarded-For",
        "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(1, 255));
    this.body = body(requestCase.getBody(), seeds);
  }

  private byte[] body(MessageData message, FuzzSeeds seeds) {
    if (message == null) {
      return null;
    }
    String mediaType = message.getMediaType();
    DataValue<?> value = message.getValue();
    if (mediaType != null) {
      headers.put("Content-Type", mediaType);
    }
    if (value == null) {
      return new byte[0];
    }
    if (mediaType == null || mediaType.contains("json")) {
      String json = DataValueJson.toJson(value);
      return withSeededIds(json, seeds).getBytes(StandardCharsets.UTF_8);
    }
    if (mediaType.startsWith("multipart/form-data") && value.getValue() instanceof Map<?, ?> fields) {
      CatalogFixtures.Multipart multipart = new CatalogFixtures.Multipart();
      fields.forEach((name, field) -> multipart.file(String.valueOf(name), "fuzz.bin", "application/octet-stream",
          RequestCaseUtils.toOctetStream((DataValue<?>) field)));
      headers.put("Content-Type", multipart.contentType());
      return multipart.bytes();
    }
    return RequestCaseUtils.toOctetStream(value);
  }

  /** A path segment: every byte but the unreserved characters percent-encoded, {@code /} included. */
  private static String encoded(String value) {
    StringBuilder text = new StringBuilder();
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if (c < 0x80 && (Character.isLetterOrDigit(c) || "-._~".indexOf(c) >= 0)) {
        text.append(c);
      } else {
        text.append('%').append(String.format("%02X", b & 0xff));
      }
    }
    return text.toString();
  }

  /** The request path has an empty segment: it names no operation. */
  boolean hasEmptySegment() {
    String path = target.contains("?") ? target.substring(0, target.indexOf('?')) : target;
    return path.contains("//") || path.endsWith("/");
  }

  /** Uuid-shaped values of id properties become seeded ids: a valid value for a valid one, reaching a real row. */
  private static String withSeededIds(String json, FuzzSeeds seeds) {
    Object parsed;
    try {
      parsed = json.startsWith("{") ? new JsonObject(json) : json.startsWith("[") ? new JsonArray(json) : null;
    } catch (RuntimeException e) {
      return json;
    }
    if (parsed == null) {
      return json;
    }
    if (!replaceIds(parsed, seeds)) {
      return json;
    }
    return parsed instanceof JsonObject object ? object.encode() : ((JsonArray) parsed).encode();
  }

  private static boolean replaceIds(Object node, FuzzSeeds seeds) {
    boolean replaced = false;
    if (node instanceof JsonObject object) {
      for (String name : object.fieldNames()) {
        Object value = object.getValue(name);
        if (value instanceof String text && UUID.matcher(text).matches() && seeds.bodyId(name).isPresent()) {
          object.put(name, seeds.bodyId(name).get());
          replaced = true;
        } else {
          replaced |= replaceIds(value, seeds);
        }
      }
    } else if (node instanceof JsonArray array) {
      for (Object item : array) {
        replaced |= replaceIds(item, seeds);
      }
    }
    return replaced;
  }

  /** The request, or an {@link IllegalArgumentException} when the JDK client refuses to send it (a header value). */
  HttpRequest toHttp(String baseUrl) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + target)).timeout(Duration.ofSeconds(30))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(body));
    headers.forEach(request::header);
    return request.build();
  }

  @Override
  public String toString() {
    String text = body == null ? "" : new String(body, StandardCharsets.UTF_8);
    return method + " " + target + " " + headers.keySet() + " " + ContractAnswers.abbreviated(text);
  }
}
