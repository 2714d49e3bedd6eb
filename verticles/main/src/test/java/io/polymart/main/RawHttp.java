package io.polymart.main;

import io.vertx.core.json.JsonObject;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, for requests no well-behaved client sends: arbitrary bytes in the request line,
 * headers and body (NUL, overlong UTF-8, UTF-16). One request per connection.
 */
final class RawHttp {
  private static final int TIMEOUT_MS = 30_000;
  private final Map<String, String> headers = new LinkedHashMap<>();
  private final String method;
  private final byte[] target;
  private byte[] body = new byte[0];

  private RawHttp(String method, byte[] target) {
    this.method = method;
    this.target = target;
    header("Host", "127.0.0.1");
    header("X-Forwarded-For", "10.200." + (int) (Math.random() * 255) + "." + (int) (1 + Math.random() * 250));
  }

  /** {@code target} is sent as ISO-8859-1, so {@code \u00c0} goes out as the byte {@code C0}. */
  static RawHttp request(String method, String target) {
    return new RawHttp(method, target.getBytes(StandardCharsets.ISO_8859_1));
  }

  RawHttp header(String name, String value) {
    headers.put(name, value);
    return this;
  }

  RawHttp bearer(String token) {
    return header("Authorization", "Bearer " + token);
  }

  RawHttp json(byte[] bytes) {
    header("Content-Type", "application/json");
    return body(bytes);
  }

  /** A JSON body written as text whose non-ASCII characters stand for the bytes sent (ISO-8859-1). */
  RawHttp json(String latin1) {
    return json(latin1.getBytes(StandardCharsets.ISO_8859_1));
  }

  RawHttp body(byte[] bytes) {
    body = bytes;
    return this;
  }

  Answer send() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes((method + " ").getBytes(StandardCharsets.US_ASCII));
    out.writeBytes(target);
    out.writeBytes(" HTTP/1.1\r\n".getBytes(StandardCharsets.US_ASCII));
    headers.forEach((name, value) -> out.writeBytes((name + ": " + value + "\r\n")
        .getBytes(StandardCharsets.ISO_8859_1)));
    out.writeBytes(("Content-Length: " + body.length + "\r\nConnection: close\r\n\r\n")
        .getBytes(StandardCharsets.US_ASCII));
    out.writeBytes(body);
    int port = TestPlatform.config().getJsonObject("http").getInteger("port");
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(TIMEOUT_MS);
      socket.getOutputStream().write(out.toByteArray());
      socket.getOutputStream().flush();
      return Answer.parse(socket.getInputStream().readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  record Answer(int status, Map<String, String> headers, String body) {
    static Answer parse(byte[] raw) {
      String text = new String(raw, StandardCharsets.ISO_8859_1);
      int end = text.indexOf("\r\n\r\n");
      if (end < 0) {
        throw new IllegalStateException("No complete answer: " + text);
      }
      String[] lines = text.substring(0, end).split("\r\n");
      Map<String, String> headers = new LinkedHashMap<>();
      Arrays.stream(lines).skip(1).forEach(line -> {
        int colon = line.indexOf(':');
        headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
      });
      byte[] rest = Arrays.copyOfRange(raw, end + 4, raw.length);
      byte[] content = "chunked".equalsIgnoreCase(headers.get("transfer-encoding")) ? unchunk(rest) : rest;
      return new Answer(Integer.parseInt(lines[0].split(" ")[1]), headers, new String(content, StandardCharsets.UTF_8));
    }

    private static byte[] unchunk(byte[] chunked) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      int at = 0;
      while (true) {
        int lineEnd = indexOfCrLf(chunked, at);
        int size = Integer.parseInt(new String(chunked, at, lineEnd - at, StandardCharsets.US_ASCII).split(";")[0]
            .trim(), 16);
        if (size == 0) {
          return out.toByteArray();
        }
        out.write(chunked, lineEnd + 2, size);
        at = lineEnd + 2 + size + 2;
      }
    }

    private static int indexOfCrLf(byte[] bytes, int from) {
      for (int i = from; i + 1 < bytes.length; i++) {
        if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
          return i;
        }
      }
      throw new IllegalStateException("Truncated chunked body");
    }

    JsonObject json() {
      return new JsonObject(body);
    }

    String errorCode() {
      return json().getJsonObject("error").getString("code");
    }

    /** The field the first detail of the error names. */
    String field() {
      return json().getJsonObject("error").getJsonArray("details").getJsonObject(0).getString("field");
    }
  }
}
