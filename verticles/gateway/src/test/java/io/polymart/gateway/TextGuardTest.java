package io.polymart.gateway;

import io.polymart.core.error.ServiceException;
import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TextGuardTest {
  private static final MultiMap NO_HEADERS = MultiMap.caseInsensitiveMultiMap();

  @Test
  void ordinaryRequestsPass() {
    assertThat(TextGuard.check("/api/v1/products", "q=caf%C3%A9&attr.color=red&page=2", headers("User-Agent", "x")))
        .isNull();
    assertThat(TextGuard.check("/api/v1/products/%E4%B8%AD", null, NO_HEADERS)).isNull();
    assertThat(TextGuard.check("/api/v1/products", "q=%F0%9F%98%80+smile&empty=", NO_HEADERS)).isNull();
  }

  @Test
  void aNulInTheQueryIsRefusedNamingTheParameter() {
    assertRefused(TextGuard.check("/api/v1/products", "q=shoe&attr.color=%00", NO_HEADERS), "attr.color",
        StrictText.NUL);
    assertRefused(TextGuard.check("/api/v1/admin/users", "q=a%00b", NO_HEADERS), "q", StrictText.NUL);
    assertRefused(TextGuard.check("/api/v1/products", "%00=1", NO_HEADERS), "query", StrictText.NUL);
  }

  @Test
  void percentEncodedBytesThatAreNotUtf8AreRefused() {
    // overlong "/", a lone surrogate (CESU), a stray continuation byte, a truncated sequence
    for (String value : new String[] {"%C0%AF", "%ED%A0%80", "%80", "%E4%B8"}) {
      assertRefused(TextGuard.check("/api/v1/products", "q=" + value, NO_HEADERS), "q", StrictText.NOT_UTF8);
      assertRefused(TextGuard.check("/api/v1/products/" + value, null, NO_HEADERS), "path", StrictText.NOT_UTF8);
    }
  }

  @Test
  void brokenEscapesAndNulInThePathAreRefused() {
    assertRefused(TextGuard.check("/api/v1/products/%zz", null, NO_HEADERS), "path", StrictText.NOT_PERCENT_ENCODED);
    assertRefused(TextGuard.check("/api/v1/products", "q=%4", NO_HEADERS), "q", StrictText.NOT_PERCENT_ENCODED);
    assertRefused(TextGuard.check("/api/v1/products/%00", null, NO_HEADERS), "path", StrictText.NUL);
  }

  @Test
  void rawBytesOfTheRequestLineCountAsBytes() {
    // the server hands request-line bytes over as characters up to \u00ff
    assertThat(TextGuard.check("/api/v1/products", "q=\u00e4\u00b8\u00ad", NO_HEADERS)).isNull();
    assertRefused(TextGuard.check("/api/v1/products", "q=\u00c0\u00af", NO_HEADERS), "q", StrictText.NOT_UTF8);
  }

  @Test
  void aNulInAHeaderIsRefusedNamingTheHeader() {
    assertRefused(TextGuard.check("/api/v1/products", null, headers("Idempotency-Key", "k\0")), "Idempotency-Key",
        StrictText.NUL);
  }

  private static void assertRefused(ServiceException refused, String field, String message) {
    assertThat(refused).isNotNull();
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.code()).isEqualTo("VALIDATION_FAILED");
    JsonObject detail = refused.details().getJsonObject(0);
    assertThat(detail.getString("field")).isEqualTo(field);
    assertThat(detail.getString("message")).isEqualTo(message);
  }

  private static MultiMap headers(String name, String value) {
    return MultiMap.caseInsensitiveMultiMap().add(name, value);
  }
}
