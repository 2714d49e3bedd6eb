package io.polymart.main;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.config.MeterFilter;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.eventbus.EventBus;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The event bus's meters of a node: a handler's same-loop address counts as its address and every user's live-update
 * address as one, and a message's meters are found without running the registry's filters again (Micrometer skips
 * them only for a meter no other name was mapped onto: the page's four lookups per request ran them all).
 */
class NodeMetricsFactoryTest {
  private static final String ADDRESS = "test.counted";
  private static final String SAME_LOOP = ADDRESS + "@vert.x-eventloop-thread-0";
  private final AtomicInteger filterRuns = new AtomicInteger();
  private MeterRegistry registry;
  private Vertx vertx;

  @BeforeEach
  void start() {
    registry = NodeMetrics.newRegistry();
    registry.config().meterFilter(new MeterFilter() {
      @Override
      public Meter.Id map(Meter.Id id) {
        filterRuns.incrementAndGet();
        return id;
      }
    });
    vertx = Vertx.builder()
        .with(new VertxOptions().setMetricsOptions(NodeMetrics.options(NodeMetrics.newRegistryName())))
        .withMetrics(new NodeMetricsFactory(registry))
        .build();
    EventBus bus = vertx.eventBus();
    bus.<String>consumer(ADDRESS, message -> message.reply("shared"));
    bus.<String>localConsumer(SAME_LOOP, message -> message.reply("same loop"));
  }

  @AfterEach
  void stop() throws Exception {
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  @Test
  void aSameLoopAddressIsCountedAsItsAddress() throws Exception {
    requests(SAME_LOOP, 10);
    requests(ADDRESS, 5);

    assertThat(counted("vertx.eventbus.processed", ADDRESS)).isEqualTo(15);
    assertThat(counted("vertx.eventbus.sent", ADDRESS)).isEqualTo(15);
    assertThat(counted("vertx.eventbus.received", ADDRESS)).isEqualTo(15);
    assertThat(registry.find("vertx.eventbus.pending").tag("address", ADDRESS).gauges())
        .allSatisfy(pending -> assertThat(pending.value()).isZero());
    assertThat(registry.find("vertx.eventbus.handlers").tag("address", ADDRESS).gauge().value()).isEqualTo(2);
    assertThat(addresses()).contains(ADDRESS).noneMatch(address -> address.contains("@"));
  }

  @Test
  void everyUsersLiveUpdatesAreOneSeries() {
    for (int i = 0; i < 3; i++) {
      vertx.eventBus().publish("user.events." + UUID.randomUUID(), "{}");
    }
    assertThat(counted("vertx.eventbus.published", "user.events.*")).isEqualTo(3);
    assertThat(addresses()).noneMatch(address -> address.startsWith("user.events.") && !address.endsWith("*"));
  }

  @Test
  void aMessageFindsItsMetersWithoutRunningTheFilters() throws Exception {
    requests(SAME_LOOP, 5);
    requests(ADDRESS, 5);
    int before = filterRuns.get();

    requests(SAME_LOOP, 50);
    requests(ADDRESS, 50);

    assertThat(filterRuns.get()).isEqualTo(before);
    assertThat(counted("vertx.eventbus.processed", ADDRESS)).isEqualTo(110);
  }

  private void requests(String address, int count) throws Exception {
    List<Future<?>> replies = new ArrayList<>();
    IntStream.range(0, count).forEach(i -> replies.add(vertx.eventBus().request(address, "ping")));
    Future.all(replies).await(10, TimeUnit.SECONDS);
  }

  private double counted(String name, String address) {
    return registry.find(name).tag("address", address).counters().stream().mapToDouble(c -> c.count()).sum();
  }

  private Set<String> addresses() {
    return registry.getMeters().stream().map(meter -> meter.getId().getTag("address"))
        .filter(address -> address != null).collect(Collectors.toSet());
  }
}
