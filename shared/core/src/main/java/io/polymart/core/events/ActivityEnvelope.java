package io.polymart.core.events;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/**
 * Writes an activity event's envelope ({@code type}, {@code id}, {@code occurredAt}, {@code aggregateId}, {@code data}
 * with {@code at} = {@code occurredAt}) as JSON text, by hand: a tree of {@code JsonObject}s encoded by Jackson cost
 * the publisher thread half its time, and with it the product page a few per cent of its rate. One writer per thread:
 * it keeps the formatted second of the last timestamp.
 */
final class ActivityEnvelope {
  private static final DateTimeFormatter SECOND = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.")
      .withZone(ZoneOffset.UTC);
  private static final JsonStringEncoder STRINGS = JsonStringEncoder.getInstance();

  private final StringBuilder text = new StringBuilder(320);
  private long second = Long.MIN_VALUE;
  private String secondText;

  /**
   * @param data the {@code data} fields but {@code at}, in name/value pairs: names are strings, values strings or
   *     integers; a null value leaves its field out
   */
  String write(String type, UUID id, long occurredAtMillis, String aggregateId, Object[] data) {
    String at = timestamp(occurredAtMillis);
    text.setLength(0);
    text.append("{\"type\":");
    string(type);
    text.append(",\"id\":\"").append(id).append("\",\"occurredAt\":\"").append(at).append("\",\"aggregateId\":");
    string(aggregateId);
    text.append(",\"data\":{");
    for (int i = 0; i < data.length; i += 2) {
      Object value = data[i + 1];
      if (value != null) {
        string((String) data[i]);
        text.append(':');
        if (value instanceof Integer || value instanceof Long) {
          text.append(value);
        } else {
          string((String) value);
        }
        text.append(',');
      }
    }
    return text.append("\"at\":\"").append(at).append("\"}}").toString();
  }

  private void string(String value) {
    text.append('"');
    if (needsEscaping(value)) {
      STRINGS.quoteAsString(value, text);
    } else {
      // ids and event types: Jackson's encoder would copy them a character at a time
      text.append(value);
    }
    text.append('"');
  }

  private static boolean needsEscaping(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 0x20 || c == '"' || c == '\\' || c > 0x7e) {
        return true;
      }
    }
    return false;
  }

  /** ISO-8601 in UTC with milliseconds, as {@code Instant.toString()} writes it but always with the milliseconds. */
  private String timestamp(long millis) {
    long epochSecond = Math.floorDiv(millis, 1000);
    if (epochSecond != second) {
      second = epochSecond;
      secondText = SECOND.format(Instant.ofEpochSecond(epochSecond));
    }
    int milli = (int) Math.floorMod(millis, 1000);
    return secondText + (char) ('0' + milli / 100) + (char) ('0' + milli / 10 % 10) + (char) ('0' + milli % 10) + 'Z';
  }
}
