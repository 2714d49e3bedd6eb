package io.polymart.docker;

import static org.assertj.core.api.Assertions.assertThat;

/** A deliberately broken copy of a file's text, for showing that a check fails. */
record Mutation(String description, String from, String to, String expectedProblem) {

  /** The text with {@code from} replaced once; fails when {@code from} is not there, so no mutation goes stale. */
  String apply(String text) {
    assertThat(text).as("text to break for: " + description).contains(from);
    int at = text.indexOf(from);
    return text.substring(0, at) + to + text.substring(at + from.length());
  }

  @Override
  public String toString() {
    return description;
  }
}
