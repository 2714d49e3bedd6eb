package io.polymart.catalog.taxonomy;

import java.util.UUID;

/** A category as an admin creates it; {@code parentId} null puts it at the top. */
public record NewCategory(String name, String slug, UUID parentId, int sortOrder, boolean active) {
}
