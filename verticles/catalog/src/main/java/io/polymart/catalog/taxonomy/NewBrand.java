package io.polymart.catalog.taxonomy;

/** A brand as an admin creates it; {@code logoUrl} may be null. */
public record NewBrand(String name, String slug, String logoUrl) {
}
