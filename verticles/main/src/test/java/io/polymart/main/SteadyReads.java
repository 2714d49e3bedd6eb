package io.polymart.main;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A steady read load for as long as it is open: each of {@code clients} threads sends GETs of {@code paths} in turn,
 * one after the other, and every answer that is not a 200 (or a request that got no answer) is kept.
 */
final class SteadyReads implements AutoCloseable {
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final ExecutorService threads;
  private final AtomicLong answered = new AtomicLong();
  private final Queue<String> failures = new ConcurrentLinkedQueue<>();
  private volatile boolean running = true;

  private SteadyReads(int clients) {
    threads = Executors.newFixedThreadPool(clients);
  }

  static SteadyReads start(String baseUrl, List<String> paths, int clients) {
    SteadyReads load = new SteadyReads(clients);
    for (int client = 0; client < clients; client++) {
      int first = client;
      load.threads.submit(() -> load.run(baseUrl, paths, first));
    }
    return load;
  }

  private void run(String baseUrl, List<String> paths, int first) {
    for (int i = first; running; i++) {
      String path = paths.get(i % paths.size());
      try {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(baseUrl + path))
            .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
          failures.add("GET " + path + " -> " + answer.statusCode() + " " + answer.body());
        }
      } catch (Exception e) {
        failures.add("GET " + path + " -> " + e);
      }
      answered.incrementAndGet();
    }
  }

  long answered() {
    return answered.get();
  }

  List<String> failures() {
    return List.copyOf(failures);
  }

  /** Stops sending and waits for the requests on their way. */
  @Override
  public void close() throws InterruptedException {
    running = false;
    threads.shutdown();
    if (!threads.awaitTermination(40, TimeUnit.SECONDS)) {
      throw new AssertionError("The load's requests did not end");
    }
  }
}
