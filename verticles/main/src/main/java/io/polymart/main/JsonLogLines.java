package io.polymart.main;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import org.slf4j.LoggerFactory;

/**
 * Switches the console appender of {@code logback.xml} to one JSON object per line ({@code logging.format json}),
 * with Logback's own {@link JsonEncoder}: {@code timestamp} (epoch milliseconds), {@code level}, {@code threadName},
 * {@code loggerName}, {@code mdc} (with {@code requestId} and {@code userId} while handling a request),
 * {@code formattedMessage}, and {@code throwable} with its stack when there is one. Lines logged before the
 * configuration was read stay text.
 */
final class JsonLogLines {
  private JsonLogLines() {
  }

  static void use() {
    if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context
        && context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("STDOUT") instanceof DrainedConsoleAppender console) {
      use(console, context);
    }
  }

  /** Swaps the running appender's encoder: lines already queued may still be written as text. */
  static void use(DrainedConsoleAppender console, LoggerContext context) {
    console.setEncoder(encoder(context));
  }

  static JsonEncoder encoder(LoggerContext context) {
    JsonEncoder encoder = new JsonEncoder();
    encoder.setContext(context);
    encoder.setWithSequenceNumber(false);
    encoder.setWithNanoseconds(false);
    encoder.setWithContext(false);
    encoder.setWithMessage(false);
    encoder.setWithArguments(false);
    encoder.setWithFormattedMessage(true);
    encoder.start();
    return encoder;
  }
}
