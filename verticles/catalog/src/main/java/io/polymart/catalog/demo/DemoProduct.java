package io.polymart.catalog.demo;

import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * A demo product. {@code details} follows the contract's Details document shape
 * (longDescription, specifications, packageContents, optional attributeGroups); it is a fresh
 * object per generated catalog, callers that change it should copy it first.
 * {@code imageLabel} is a short Latin text (at most 24 characters) to draw on the product picture,
 * {@code imageSeed} varies the drawing.
 */
public record DemoProduct(String slug, String name, String description, String categorySlug,
    String brandSlug, JsonObject details, List<DemoSku> skus, String imageLabel, long imageSeed) {}
