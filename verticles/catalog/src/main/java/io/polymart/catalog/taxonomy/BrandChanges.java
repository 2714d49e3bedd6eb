package io.polymart.catalog.taxonomy;

/**
 * What an admin changes in a brand: a null field keeps its value. The logo changes only when {@code logoGiven},
 * and a null {@code logoUrl} then removes it.
 */
public record BrandChanges(String name, String slug, boolean logoGiven, String logoUrl) {
}
