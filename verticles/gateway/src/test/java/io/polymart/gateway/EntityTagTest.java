package io.polymart.gateway;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EntityTagTest {
  private static final String ETAG = "\"abc123\"";

  @Test
  void ifNoneMatchMatchesTheSameTagAWeakCopyOrAStar() {
    assertThat(BusForwarder.matches(ETAG, ETAG)).isTrue();
    assertThat(BusForwarder.matches("W/" + ETAG, ETAG)).isTrue();
    assertThat(BusForwarder.matches("\"other\", " + ETAG, ETAG)).isTrue();
    assertThat(BusForwarder.matches("*", ETAG)).isTrue();
  }

  @Test
  void anyOtherTagOrNoHeaderDoesNotMatch() {
    assertThat(BusForwarder.matches(null, ETAG)).isFalse();
    assertThat(BusForwarder.matches("\"abc\"", ETAG)).isFalse();
    assertThat(BusForwarder.matches("abc123", ETAG)).isFalse();
  }
}
