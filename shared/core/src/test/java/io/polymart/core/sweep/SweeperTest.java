package io.polymart.core.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SweeperTest {
  private final Vertx vertx = Vertx.vertx();

  @AfterEach
  void close() {
    vertx.close().await();
  }

  @Test
  void aSweepThatFillsItsBatchRunsAgainAtOnceUntilOneDoesNot() throws Exception {
    List<Integer> waiting = new CopyOnWriteArrayList<>(List.of(250));
    List<Integer> sweeps = new CopyOnWriteArrayList<>();
    CompletableFuture<Void> fourSweeps = new CompletableFuture<>();
    Sweeper sweeper = new Sweeper(vertx, "test items swept", 20, 100, batch -> {
      int handled = Math.min(batch, waiting.get(0));
      waiting.set(0, waiting.get(0) - handled);
      sweeps.add(handled);
      if (sweeps.size() == 4) {
        fourSweeps.complete(null);
      }
      return Future.succeededFuture(handled);
    });
    vertx.runOnContext(v -> sweeper.start());
    fourSweeps.get(5, TimeUnit.SECONDS);
    // 100, 100 (full: again at once), 50 (not full), then every interval: 0
    assertThat(List.copyOf(sweeps).subList(0, 4)).containsExactly(100, 100, 50, 0);
    vertx.runOnContext(v -> sweeper.stop());
  }
}
