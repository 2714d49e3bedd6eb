package io.polymart.main;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The fuzzing run's figures (cases by operation, answers by status) and the problems found, printed. */
final class FuzzTally {
  private final Map<String, int[]> byOperation = new TreeMap<>();
  private final Map<Integer, int[]> byStatus = new TreeMap<>();
  final List<String> problems = new ArrayList<>();
  int sent;
  int invalid;
  int validAnswered2xx;
  int excluded;

  void answered(String operation, int status, boolean invalidRequest) {
    sent++;
    byOperation.computeIfAbsent(operation, key -> new int[1])[0]++;
    byStatus.computeIfAbsent(status, key -> new int[1])[0]++;
    if (invalidRequest) {
      invalid++;
    } else if (status < 300) {
      validAnswered2xx++;
    }
  }

  void print(String timings) {
    System.out.printf("Contract fuzzing: %s; %d sent (%d invalid, %d valid of which %d answered 2xx), %d excluded; "
        + "%d problems%n", timings, sent, invalid, sent - invalid, validAnswered2xx, excluded, problems.size());
    System.out.println("Contract fuzzing, answers by status: " + counts(byStatus));
    System.out.println("Contract fuzzing, cases by operation: " + counts(byOperation));
    problems.forEach(problem -> System.out.println("Contract fuzzing problem: " + problem));
  }

  private static String counts(Map<?, int[]> counts) {
    StringBuilder text = new StringBuilder();
    counts.forEach((key, count) ->
        text.append(text.length() == 0 ? "" : ", ").append(key).append('=').append(count[0]));
    return text.toString();
  }
}
