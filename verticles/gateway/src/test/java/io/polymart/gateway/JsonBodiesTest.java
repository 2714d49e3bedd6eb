package io.polymart.gateway;

import io.polymart.core.error.ServiceException;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class JsonBodiesTest {
  private static final String JSON = "application/json";

  @Test
  void utf8JsonObjectsAreRead() {
    JsonObject body = JsonBodies.parse(JSON + "; charset=UTF-8", utf8("{\"name\":\"caf\u00e9 \u4e2d \uD83D\uDE00\"}"));
    assertThat(body.getString("name")).isEqualTo("caf\u00e9 \u4e2d \uD83D\uDE00");
    assertThat(JsonBodies.parse(JSON, utf8("\uFEFF{\"a\":1}")).getInteger("a")).isEqualTo(1);
  }

  @Test
  void anEscapedNulIsRefusedNamingTheField() {
    assertField("{\"email\":\"a\\u0000@b.c\",\"password\":\"x\"}", "email", StrictText.NUL);
    assertField("{\"address\":{\"lines\":[\"ok\",\"b\\u0000\"]}}", "address.lines.1",
        StrictText.NUL);
    assertField("{\"note\":\"caf\u00e9\",\"city\":\"\u4e2d\\u0000\"}", "city", StrictText.NUL);
    assertField("{\"a\\u0000\":1}", "", "has a property name that " + StrictText.NUL);
  }

  @Test
  void anEscapedLoneSurrogateIsRefusedNamingTheField() {
    assertField("{\"name\":\"x\\ud800y\"}", "name", StrictText.NOT_UTF8);
    assertField("{\"name\":\"x\\udc00\"}", "name", StrictText.NOT_UTF8);
    assertThat(JsonBodies.parse(JSON, utf8("{\"name\":\"\\ud83d\\ude00\"}")).getString("name"))
        .isEqualTo("\uD83D\uDE00");
  }

  @Test
  void bodiesThatAreNotUtf8AreMalformed() {
    byte[] overlongSlash = {'{', '"', 'a', '"', ':', '"', (byte) 0xc0, (byte) 0xaf, '"', '}'};
    byte[] encodedSurrogate = {'{', '"', 'a', '"', ':', '"', (byte) 0xed, (byte) 0xa0, (byte) 0x80, '"', '}'};
    byte[] latin1 = {'{', '"', 'a', '"', ':', '"', (byte) 0xe9, '"', '}'};
    byte[] escapeThenOverlong = {'{', '"', 'a', '"', ':', '"', '\\', 'n', (byte) 0xc0, (byte) 0xaf, '"', '}'};
    for (byte[] bytes : new byte[][] {overlongSlash, encodedSurrogate, latin1, escapeThenOverlong,
        "{\"a\":\"b\"}".getBytes(StandardCharsets.UTF_16), "{\"a\":\"b\"}".getBytes(StandardCharsets.UTF_16LE)}) {
      assertMalformed(JSON, Buffer.buffer(bytes));
    }
  }

  @Test
  void anotherDeclaredCharsetIsMalformed() {
    assertMalformed(JSON + "; charset=utf-16", Buffer.buffer("{\"a\":\"b\"}".getBytes(StandardCharsets.UTF_16)));
    assertMalformed(JSON + ";charset=\"ISO-8859-1\"", utf8("{\"a\":\"b\"}"));
  }

  @Test
  void charsetParametersAreRead() {
    assertThat(JsonBodies.charset("application/json; Charset=\"UTF-8\"")).isEqualTo("utf-8");
    assertThat(JsonBodies.charset("application/json")).isNull();
    assertThat(JsonBodies.charset(null)).isNull();
  }

  private static void assertMalformed(String contentType, Buffer body) {
    ServiceException error = catchThrowableOfType(ServiceException.class, () -> JsonBodies.parse(contentType, body));
    assertThat(error).isNotNull();
    assertThat(error.status()).isEqualTo(400);
    assertThat(error.code()).isEqualTo("MALFORMED_JSON");
  }

  private static void assertField(String json, String field, String message) {
    ServiceException error = catchThrowableOfType(ServiceException.class, () -> JsonBodies.parse(JSON, utf8(json)));
    assertThat(error).isNotNull();
    assertThat(error.status()).isEqualTo(400);
    assertThat(error.code()).isEqualTo("VALIDATION_FAILED");
    assertThat(error.details().getJsonObject(0).getString("field")).isEqualTo(field);
    assertThat(error.details().getJsonObject(0).getString("message")).isEqualTo(message);
  }

  private static Buffer utf8(String text) {
    return Buffer.buffer(text.getBytes(StandardCharsets.UTF_8));
  }
}
