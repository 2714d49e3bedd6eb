package io.polymart.main;

import io.polymart.main.RawHttp.Answer;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static io.polymart.main.CatalogFixtures.API;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 10, item 4: text no service can store (NUL, bytes that are not UTF-8, lone surrogates, UTF-16 bodies) is
 * refused at the gateway with a 400 in the error shape, never a 500, whoever sends it and wherever it is.
 */
class HostileTextTest {
  private final CatalogFixtures fx = new CatalogFixtures();

  @Test
  void anEscapedNulInABodyIsRefusedWithoutAToken() {
    Answer login = RawHttp.request("POST", API + "/auth/login")
        .json("{\"email\":\"a\\u0000@b.c\",\"password\":\"Passw0rdOk\"}").send();
    assertRefused(login, "VALIDATION_FAILED");
    assertThat(login.field()).isEqualTo("email");

    Answer register = RawHttp.request("POST", API + "/auth/register")
        .json("{\"email\":\"n" + System.nanoTime() + "@b.co\",\"password\":\"Passw0rdOk\",\"username\":\"ann\","
            + "\"phone\":\"1380013\\u00008000\"}").send();
    assertRefused(register, "VALIDATION_FAILED");
    assertThat(register.field()).isEqualTo("phone");
  }

  @Test
  void aNulInTheQueryOrPathIsRefusedBeforeAnyAccessCheck() {
    Answer search = RawHttp.request("GET", API + "/products?attr.color=%00").send();
    assertRefused(search, "VALIDATION_FAILED");
    assertThat(search.field()).isEqualTo("attr.color");

    Answer anonymousAdmin = RawHttp.request("GET", API + "/admin/users?q=%00").send();
    assertRefused(anonymousAdmin, "VALIDATION_FAILED");
    assertThat(anonymousAdmin.field()).isEqualTo("q");

    Answer admin = RawHttp.request("GET", API + "/admin/users?q=a%00").bearer(fx.admin().accessToken()).send();
    assertRefused(admin, "VALIDATION_FAILED");

    Answer path = RawHttp.request("GET", API + "/products/%00").send();
    assertRefused(path, "VALIDATION_FAILED");
    assertThat(path.field()).isEqualTo("path");
  }

  @Test
  void percentEncodedTextThatIsNotUtf8IsRefused() {
    Answer overlong = RawHttp.request("GET", API + "/products?q=%C0%AF").send();
    assertRefused(overlong, "VALIDATION_FAILED");
    assertThat(overlong.field()).isEqualTo("q");

    Answer rawBytes = RawHttp.request("GET", API + "/products?q=\u00c0\u00af").send();
    assertRefused(rawBytes, "VALIDATION_FAILED");

    Answer surrogate = RawHttp.request("GET", API + "/categories/%ED%A0%80").send();
    assertRefused(surrogate, "VALIDATION_FAILED");
    assertThat(surrogate.field()).isEqualTo("path");

    assertThat(RawHttp.request("GET", API + "/products?q=%E4%B8%AD%E6%96%87").send().status()).isEqualTo(200);
  }

  /** The HTTP parser refuses a NUL in a header before any route sees it; the answer still has the error shape. */
  @Test
  void aNulInAHeaderIsRefused() {
    Answer answer = RawHttp.request("GET", API + "/categories").header("Idempotency-Key", "k\0ey").send();
    assertRefused(answer, "BAD_REQUEST");
    assertThat(answer.headers().get("x-content-type-options")).isEqualTo("nosniff");
  }

  @Test
  void profileTextMustBeWellFormedUtf8WithoutNul() {
    Users.Session customer = fx.customer();
    // C0 AF is an overlong "/": a lenient decoder would store "a/b"
    Answer overlong = RawHttp.request("PATCH", API + "/me").bearer(customer.accessToken())
        .json("{\"nickname\":\"a\u00c0\u00afb\"}").send();
    assertRefused(overlong, "MALFORMED_JSON");

    // ED A0 80 is a surrogate encoded as UTF-8, which PostgreSQL would store as "?"
    Answer encodedSurrogate = RawHttp.request("PATCH", API + "/me").bearer(customer.accessToken())
        .json("{\"nickname\":\"a\u00ed\u00a0\u0080b\"}").send();
    assertRefused(encodedSurrogate, "MALFORMED_JSON");

    Answer escapedSurrogate = RawHttp.request("PATCH", API + "/me").bearer(customer.accessToken())
        .json("{\"nickname\":\"a\\ud800b\"}").send();
    assertRefused(escapedSurrogate, "VALIDATION_FAILED");
    assertThat(escapedSurrogate.field()).isEqualTo("nickname");

    Answer nul = RawHttp.request("PATCH", API + "/me").bearer(customer.accessToken())
        .json("{\"nickname\":\"a\\u0000b\"}").send();
    assertRefused(nul, "VALIDATION_FAILED");
    assertThat(nul.field()).isEqualTo("nickname");

    Answer utf16 = RawHttp.request("PATCH", API + "/me").bearer(customer.accessToken())
        .json("{\"nickname\":\"utf16\"}".getBytes(StandardCharsets.UTF_16)).send();
    assertRefused(utf16, "MALFORMED_JSON");

    Answer declaredUtf16 = RawHttp.request("PATCH", API + "/me").bearer(customer.accessToken())
        .json("{\"nickname\":\"utf16\"}".getBytes(StandardCharsets.UTF_16LE))
        .header("Content-Type", "application/json; charset=UTF-16LE").send();
    assertRefused(declaredUtf16, "MALFORMED_JSON");

    Answer fine = RawHttp.request("PATCH", API + "/me").bearer(customer.accessToken())
        .header("Content-Type", "application/json; charset=utf-8")
        .body("{\"nickname\":\"Zo\u00eb \u4e2d\u6587 \uD83D\uDE00\"}".getBytes(StandardCharsets.UTF_8)).send();
    assertThat(fine.status()).as(fine.body()).isEqualTo(200);
    JsonObject me = fx.http.get(API + "/me").bearer(customer.accessToken()).send().json();
    assertThat(me.getString("nickname")).isEqualTo("Zo\u00eb \u4e2d\u6587 \uD83D\uDE00");
  }

  @Test
  void addressAndProductTextIsCheckedToo() {
    Users.Session seller = fx.seller();
    String categoryId = fx.ownCategory("hostile").getString("id");
    Answer product = RawHttp.request("POST", API + "/products").bearer(seller.accessToken())
        .json("{\"name\":\"Mug\\u0000\",\"categoryId\":\"" + categoryId + "\",\"skus\":[{\"code\":\"NUL-1\","
            + "\"price\":\"1.00\",\"stock\":1,\"attributes\":{\"color\":\"re\\u0000d\"}}]}").send();
    assertRefused(product, "VALIDATION_FAILED");
    assertThat(product.field()).isEqualTo("name");

    Answer address = RawHttp.request("POST", API + "/me/addresses").bearer(seller.accessToken())
        .json("{\"receiver\":\"Li Lei\",\"phone\":\"13800138000\",\"province\":\"Zhejiang\",\"city\":\"Hangzhou\","
            + "\"district\":\"Xihu\",\"detail\":\"1 Wensan\\u0000Road\",\"postalCode\":\"310000\"}").send();
    assertRefused(address, "VALIDATION_FAILED");
    assertThat(address.field()).isEqualTo("detail");
  }

  private static void assertRefused(Answer answer, String code) {
    assertThat(answer.status()).as(answer.body()).isEqualTo(400);
    assertThat(answer.headers().get("content-type")).isEqualTo("application/json");
    assertThat(answer.errorCode()).as(answer.body()).isEqualTo(code);
    assertThat(answer.json().getJsonObject("error").getString("message")).isNotBlank();
  }
}
