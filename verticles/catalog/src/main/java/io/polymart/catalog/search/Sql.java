package io.polymart.catalog.search;

/** SQL text helpers of the catalog's searches. */
final class Sql {
  private Sql() {
  }

  /** Escapes LIKE wildcards so user text matches literally. */
  static String likeLiteral(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }
}
