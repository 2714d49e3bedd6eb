package io.polymart.recommendations.scoring;

/** A recommended item and its score: higher is better; only comparable within one answer. */
public record Scored(String item, double score) {
}
