package io.polymart.catalog.taxonomy;

import java.util.UUID;

/**
 * What an admin changes in a category: a null field keeps its value. The parent changes only when
 * {@code parentGiven}, and a null {@code parentId} then moves the category to the top.
 */
public record CategoryChanges(String name, String slug, boolean parentGiven, UUID parentId, Integer sortOrder,
    Boolean active) {
}
