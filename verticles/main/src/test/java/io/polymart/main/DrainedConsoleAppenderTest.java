package io.polymart.main;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DrainedConsoleAppenderTest {
  private final LoggerContext context = new LoggerContext();
  private final SynchronizedBytes out = new SynchronizedBytes();
  private final DrainedConsoleAppender appender = new DrainedConsoleAppender();
  private Logger log;

  @BeforeEach
  void start() {
    context.setMDCAdapter(new LogbackMDCAdapter());
    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(context);
    encoder.setPattern("%thread|%X{rid}|%msg%n");
    encoder.start();
    appender.setContext(context);
    appender.setEncoder(encoder);
    appender.setOutputStream(out);
    appender.start();
    log = context.getLogger("test");
    log.setLevel(Level.INFO);
    log.setAdditive(false);
    log.addAppender(appender);
  }

  @AfterEach
  void stop() {
    context.stop();
  }

  @Test
  void switchedToJsonWhileRunningItWritesEveryLaterLineAsJson() throws Exception {
    log.info("as text");
    JsonLogLines.use(appender, context);
    for (int i = 0; i < 3; i++) {
      log.info("as json {}", i);
    }
    appender.stop();
    List<String> lines = out.text().lines().toList();
    // the first line may be written after the switch, as either
    assertThat(lines).hasSize(4);
    for (int i = 0; i < 3; i++) {
      assertThat(new JsonObject(lines.get(i + 1)).getString("formattedMessage")).isEqualTo("as json " + i);
    }
  }

  @Test
  void everyLineFromEveryThreadIsWrittenInItsThreadsOrderEvenPastTheQueuesCapacity() throws Exception {
    int perThread = DrainedConsoleAppender.CAPACITY;
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < 3; t++) {
      Thread thread = new Thread(() -> {
        for (int i = 0; i < perThread; i++) {
          log.info("line {}", i);
        }
      }, "writer-" + t);
      threads.add(thread);
      thread.start();
    }
    for (Thread thread : threads) {
      thread.join();
    }
    appender.stop();

    Map<String, List<Integer>> byThread = Arrays.stream(out.text().split("\n"))
        .map(line -> line.split("\\|"))
        .collect(Collectors.groupingBy(parts -> parts[0],
            Collectors.mapping(parts -> Integer.parseInt(parts[2].substring("line ".length())), Collectors.toList())));
    assertThat(byThread).containsOnlyKeys("writer-0", "writer-1", "writer-2");
    for (List<Integer> numbers : byThread.values()) {
      assertThat(numbers).hasSize(perThread).isSorted();
    }
  }

  @Test
  void aLineIsOutSoonWithoutAStopAndKeepsTheContextOfItsMomentInTheLoggingThread() throws Exception {
    context.getMDCAdapter().put("rid", "request-1");
    try {
      log.info("hello {}", "world");
    } finally {
      context.getMDCAdapter().remove("rid");
    }
    long deadline = System.nanoTime() + 2_000_000_000L;
    while (out.text().isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertThat(out.text()).isEqualTo(Thread.currentThread().getName() + "|request-1|hello world\n");
  }

  /** The writer thread writes, the test reads. */
  private static final class SynchronizedBytes extends OutputStream {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    @Override
    public synchronized void write(int b) {
      bytes.write(b);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
      bytes.write(b, off, len);
    }

    synchronized String text() {
      return bytes.toString(StandardCharsets.UTF_8);
    }
  }
}
