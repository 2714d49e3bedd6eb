package io.polymart.recommendations.eval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a data set in either format: one basket per line (item ids separated by spaces), or CSV rows
 * {@code user,item,timestamp} (an optional header; timestamps in epoch seconds, epoch milliseconds or ISO-8601). CSV
 * rows become baskets per user: a new basket starts when more than {@code sessionGap} passed since the user's previous
 * row, so an order's items (one timestamp) and a browsing session both make one basket.
 */
final class DatasetReader {
  private DatasetReader() {
  }

  static Dataset read(Path file, Duration sessionGap) throws IOException {
    return parse(Files.readAllLines(file), sessionGap);
  }

  static Dataset parse(List<String> lines, Duration sessionGap) {
    String first = lines.stream().map(String::strip).filter(line -> !line.isEmpty()).findFirst().orElse("");
    return first.split(",", -1).length == 3 ? parseCsv(lines, sessionGap) : parseBasketLines(lines);
  }

  static Dataset parseBasketLines(List<String> lines) {
    List<Basket> baskets = new ArrayList<>();
    for (String line : lines) {
      List<String> items = Arrays.stream(line.strip().split("\\s+")).filter(item -> !item.isEmpty()).toList();
      if (!items.isEmpty()) {
        baskets.add(new Basket(null, null, items));
      }
    }
    return new Dataset(baskets, false, false);
  }

  static Dataset parseCsv(List<String> lines, Duration sessionGap) {
    record Row(String user, String item, Instant at) {
    }
    List<Row> rows = new ArrayList<>();
    for (int n = 0; n < lines.size(); n++) {
      String line = lines.get(n).strip();
      if (line.isEmpty()) {
        continue;
      }
      String[] fields = line.split(",", -1);
      if (fields.length != 3) {
        throw new IllegalArgumentException("line " + (n + 1) + ": expected user,item,timestamp: " + line);
      }
      Instant at;
      try {
        at = timestamp(fields[2].strip());
      } catch (RuntimeException e) {
        if (rows.isEmpty()) {
          continue; // a header
        }
        throw new IllegalArgumentException("line " + (n + 1) + ": bad timestamp: " + fields[2], e);
      }
      rows.add(new Row(fields[0].strip(), fields[1].strip(), at));
    }
    Map<String, List<Row>> byUser = new LinkedHashMap<>();
    rows.forEach(row -> byUser.computeIfAbsent(row.user(), u -> new ArrayList<>()).add(row));
    List<Basket> baskets = new ArrayList<>();
    byUser.forEach((user, userRows) -> {
      userRows.sort(Comparator.comparing(Row::at));
      List<String> items = new ArrayList<>();
      Instant start = null;
      Instant last = null;
      for (Row row : userRows) {
        if (last != null && Duration.between(last, row.at()).compareTo(sessionGap) > 0) {
          baskets.add(new Basket(user, start, items));
          items = new ArrayList<>();
          start = null;
        }
        start = start == null ? row.at() : start;
        items.add(row.item());
        last = row.at();
      }
      if (!items.isEmpty()) {
        baskets.add(new Basket(user, start, items));
      }
    });
    baskets.sort(Comparator.comparing(Basket::at).thenComparing(Basket::user));
    return new Dataset(baskets, true, true);
  }

  static Instant timestamp(String text) {
    if (text.chars().allMatch(Character::isDigit)) {
      long value = Long.parseLong(text);
      return value > 100_000_000_000L ? Instant.ofEpochMilli(value) : Instant.ofEpochSecond(value);
    }
    return Instant.parse(text);
  }
}
