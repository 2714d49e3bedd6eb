package io.polymart.main;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/** Runs {@code count} calls at once (released together) and collects their results in call order. */
final class Concurrently {
  private Concurrently() {
  }

  static <T> List<T> run(int count, IntFunction<T> call) throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(Math.min(count, 64));
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<T>> futures = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        int index = i;
        Callable<T> task = () -> {
          start.await();
          return call.apply(index);
        };
        futures.add(threads.submit(task));
      }
      start.countDown();
      List<T> results = new ArrayList<>();
      for (Future<T> future : futures) {
        results.add(future.get());
      }
      return results;
    } finally {
      threads.shutdownNow();
    }
  }
}
