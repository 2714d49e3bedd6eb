package io.polymart.main;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
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
    if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
      return;
    }
    Appender<ILoggingEvent> appender = context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("STDOUT");
    if (appender instanceof DrainedConsoleAppender console) {
      console.stop();
      console.setEncoder(encoder(context));
      console.start();
    }
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
