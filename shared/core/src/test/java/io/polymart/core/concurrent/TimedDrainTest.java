package io.polymart.core.concurrent;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class TimedDrainTest {

  @Test
  void offerRefusesPastTheCapacityAndAfterTheStopAndTheDrainerTakesEverythingInOrder() throws Exception {
    TimedDrain<Integer> drain = new TimedDrain<>(3, 10);
    assertThat(drain.offer(1)).isTrue();
    assertThat(drain.offer(2)).isTrue();
    assertThat(drain.offer(3)).isTrue();
    assertThat(drain.offer(4)).as("full").isFalse();

    List<Integer> taken = new ArrayList<>();
    AtomicInteger rounds = new AtomicInteger();
    Thread drainer = new Thread(() -> drain.drainUntilStopped(taken::add, rounds::incrementAndGet));
    drainer.start();
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (rounds.get() < 2 && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertThat(drain.offer(5)).as("room again once drained").isTrue();
    drain.stop();
    drainer.join(5000);

    assertThat(drainer.isAlive()).isFalse();
    assertThat(taken).as("the last round after the stop takes what was left").containsExactly(1, 2, 3, 5);
    assertThat(drain.stopping()).isTrue();
    assertThat(drain.offer(6)).as("stopped").isFalse();
  }

  @Test
  void putWaitsForRoomAndLosesNothing() throws Exception {
    TimedDrain<Integer> drain = new TimedDrain<>(2, 10);
    List<Integer> taken = new ArrayList<>();
    Thread drainer = new Thread(() -> drain.drainUntilStopped(taken::add, () -> { }));
    drainer.start();
    for (int i = 0; i < 1000; i++) {
      drain.put(i);
    }
    drain.stop();
    drainer.join(5000);
    assertThat(taken).hasSize(1000);
    for (int i = 0; i < 1000; i++) {
      assertThat(taken.get(i)).isEqualTo(i);
    }
  }
}
