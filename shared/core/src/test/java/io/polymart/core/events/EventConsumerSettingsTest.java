package io.polymart.core.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventConsumerSettingsTest {

  private final EventConsumerSettings defaults = EventConsumerSettings.of("127.0.0.1:9092", "polymart.reviews",
      "polymart.orders");

  @Test
  void backoffDoublesUpToItsCap() {
    EventConsumerSettings settings = defaults.withRetries(6, Duration.ofMillis(100), Duration.ofMillis(500));
    assertThat(List.of(1, 2, 3, 4, 5).stream().map(settings::backoffMillis).toList())
        .containsExactly(100L, 200L, 400L, 500L, 500L);
  }

  @Test
  void refusesWhatCouldNeverWork() {
    assertThatThrownBy(() -> defaults.withRetries(0, Duration.ZERO, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxAttempts");
    assertThatThrownBy(() -> EventConsumerSettings.of("127.0.0.1:9092", " ", "polymart.orders"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("group");
    assertThatThrownBy(() -> EventConsumerSettings.of("127.0.0.1:9092", "polymart.reviews"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("topics");
    assertThatThrownBy(() -> defaults.withMaxPollRecords(0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxPollRecords");
  }

  @Test
  void oneRecordMustFitInHalfThePollInterval() {
    // 10 attempts of 15 s: a member stuck that long would be dropped from the group mid-record
    assertThatThrownBy(() -> defaults.withHandlerTimeout(Duration.ofSeconds(15))
        .withRetries(10, Duration.ofSeconds(1), Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must stay under");
    assertThat(defaults.withRetries(10, Duration.ofSeconds(1), Duration.ofSeconds(1)).maxAttempts()).isEqualTo(10);
  }
}
