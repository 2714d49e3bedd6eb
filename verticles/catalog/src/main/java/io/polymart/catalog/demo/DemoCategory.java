package io.polymart.catalog.demo;

/**
 * A demo category. Top-level categories have a {@code null} parent; products only go to
 * sub-categories.
 */
public record DemoCategory(String slug, String name, String parentSlug, int sortOrder) {
  public boolean topLevel() {
    return parentSlug == null;
  }
}
