package io.polymart.main;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import ch.qos.logback.core.encoder.Encoder;
import io.polymart.core.concurrent.TimedDrain;
import io.polymart.core.logging.RequestScope;
import io.polymart.core.tracing.TraceContexts;
import java.io.ByteArrayOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.MDC;

/**
 * Writes log lines to standard output from a thread of its own that wakes every {@value #DRAIN_MILLIS} ms and writes
 * all the lines queued since in one system call. Logback's {@code AsyncAppender} wakes its worker for every line
 * (a futex call on the logging event loop) and its {@code ConsoleAppender} makes one write per line: with an access
 * line per request, the two took about a tenth of the CPU of a cached product page.
 *
 * <p>Nothing is dropped: past {@value #CAPACITY} queued lines a caller wakes the writer and waits for room. Lines are
 * on standard output within {@value #DRAIN_MILLIS} ms; a process killed outright loses at most those.
 */
public final class DrainedConsoleAppender extends UnsynchronizedAppenderBase<ILoggingEvent> {
  static final String REQUEST_ID = "requestId";
  static final String USER_ID = "userId";
  static final String TRACE_ID = "traceId";
  static final long DRAIN_MILLIS = 10;
  static final int CAPACITY = 65_536;
  private static final int FLUSH_BYTES = 64 * 1024;

  private final TimedDrain<ILoggingEvent> queue = new TimedDrain<>(CAPACITY, DRAIN_MILLIS);
  private final ByteArrayOutputStream batch = new ByteArrayOutputStream(FLUSH_BYTES);
  /** May change while running ({@code logging.format} is read after Logback has started): the writer reads it. */
  private volatile Encoder<ILoggingEvent> encoder;
  private OutputStream out = new FileOutputStream(FileDescriptor.out);
  private Thread writer;

  public void setEncoder(Encoder<ILoggingEvent> encoder) {
    this.encoder = encoder;
  }

  /** Where the lines go: standard output unless a test says otherwise. */
  void setOutputStream(OutputStream out) {
    this.out = out;
  }

  @Override
  public void start() {
    if (encoder == null) {
      addError("No encoder for the appender " + name);
      return;
    }
    writer = new Thread(() -> queue.drainUntilStopped(this::write, this::flush), "polymart-log-writer");
    writer.setDaemon(true);
    writer.start();
    super.start();
  }

  @Override
  public void stop() {
    if (!isStarted()) {
      return;
    }
    super.stop();
    queue.stop();
    try {
      writer.join(TimeUnit.SECONDS.toMillis(5));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  protected void append(ILoggingEvent event) {
    withRequestScope(event);
    // the message, thread name and MDC as they are now, not when the writer gets to the line
    event.prepareForDeferredProcessing();
    queue.put(event);
  }

  /**
   * A line logged while handling a request gets its request and user ids in its MDC ({@code requestId},
   * {@code userId}), and a line of traced work its trace id ({@code traceId}): they live on the work's Vert.x
   * context ({@link RequestScope}, OpenTelemetry's context), which the thread-bound MDC cannot follow across
   * callbacks.
   */
  private static void withRequestScope(ILoggingEvent event) {
    RequestScope scope = RequestScope.current();
    String traceId = scope != null && scope.traceId() != null ? scope.traceId() : TraceContexts.traceId();
    if ((scope == null && traceId == null) || !(event instanceof LoggingEvent logged)) {
      return;
    }
    Map<String, String> mdc = new HashMap<>();
    Map<String, String> threadMdc = MDC.getCopyOfContextMap();
    if (threadMdc != null) {
      mdc.putAll(threadMdc);
    }
    if (scope != null) {
      mdc.put(REQUEST_ID, scope.requestId());
      if (scope.userId() != null) {
        mdc.put(USER_ID, scope.userId());
      }
    }
    if (traceId != null) {
      mdc.put(TRACE_ID, traceId);
    }
    try {
      logged.setMDCPropertyMap(mdc);
    } catch (IllegalStateException alreadyRead) {
      // a filter read the MDC already: the line goes without the ids rather than not at all
    }
  }

  private void write(ILoggingEvent event) {
    try {
      batch.writeBytes(encoder.encode(event));
    } catch (RuntimeException e) {
      addError("Cannot encode a log line", e);
    }
    if (batch.size() >= FLUSH_BYTES) {
      flush();
    }
  }

  private void flush() {
    if (batch.size() == 0) {
      return;
    }
    try {
      batch.writeTo(out);
      out.flush();
    } catch (IOException e) {
      addError("Cannot write log lines", e);
    }
    batch.reset();
  }
}
