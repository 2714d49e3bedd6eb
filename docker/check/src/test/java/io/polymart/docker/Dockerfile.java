package io.polymart.docker;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The instructions of a Dockerfile: continuation lines joined, comments and parser directives dropped. */
final class Dockerfile {
  record Instruction(String keyword, String arguments) {
  }

  final List<Instruction> instructions;

  private Dockerfile(List<Instruction> instructions) {
    this.instructions = instructions;
  }

  static Dockerfile parse(String text) {
    List<Instruction> instructions = new ArrayList<>();
    StringBuilder pending = new StringBuilder();
    for (String line : text.split("\n")) {
      String trimmed = line.strip();
      if (trimmed.startsWith("#") || (trimmed.isEmpty() && pending.isEmpty())) {
        continue;
      }
      if (trimmed.endsWith("\\")) {
        pending.append(trimmed, 0, trimmed.length() - 1).append(' ');
        continue;
      }
      pending.append(trimmed);
      String instruction = pending.toString().strip();
      pending.setLength(0);
      if (!instruction.isEmpty()) {
        String[] parts = instruction.split("\\s+", 2);
        instructions.add(new Instruction(parts[0].toUpperCase(), parts.length > 1 ? parts[1] : ""));
      }
    }
    return new Dockerfile(instructions);
  }

  List<String> all(String keyword) {
    return instructions.stream().filter(i -> i.keyword().equals(keyword)).map(Instruction::arguments).toList();
  }

  /** The instructions of the last stage, the image that runs. */
  Dockerfile finalStage() {
    int last = 0;
    for (int i = 0; i < instructions.size(); i++) {
      if (instructions.get(i).keyword().equals("FROM")) {
        last = i;
      }
    }
    return new Dockerfile(instructions.subList(last, instructions.size()));
  }

  /** {@code ENV} of the final stage: {@code KEY=value KEY2="two words"}, or the old {@code ENV KEY value}. */
  Map<String, String> environment() {
    Map<String, String> variables = new LinkedHashMap<>();
    for (String arguments : finalStage().all("ENV")) {
      if (!arguments.matches("^[A-Za-z_][A-Za-z0-9_]*=.*")) {
        String[] parts = arguments.split("\\s+", 2);
        variables.put(parts[0], parts.length > 1 ? parts[1] : "");
        continue;
      }
      for (String assignment : words(arguments)) {
        String[] parts = assignment.split("=", 2);
        variables.put(parts[0], parts.length > 1 ? parts[1] : "");
      }
    }
    return variables;
  }

  /** Splits on blanks outside double quotes, dropping the quotes. */
  private static List<String> words(String text) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean quoted = false;
    for (char c : text.toCharArray()) {
      if (c == '"') {
        quoted = !quoted;
      } else if (Character.isWhitespace(c) && !quoted) {
        if (!word.isEmpty()) {
          words.add(word.toString());
          word.setLength(0);
        }
      } else {
        word.append(c);
      }
    }
    if (!word.isEmpty()) {
      words.add(word.toString());
    }
    return words;
  }
}
