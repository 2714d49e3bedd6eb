package io.polymart.catalog.product;

import io.vertx.core.json.JsonObject;
import org.bson.Document;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What a seller changes in a product ({@code PATCH /products/{id}}): {@code fields} names what the body held, and
 * only those change (a given null brand removes it); {@code details} replaces the detail document when not null.
 */
public record ProductChanges(List<String> fields, String name, String slug, String description, UUID categoryId,
    UUID brandId, Document details) {
  public static ProductChanges from(JsonObject body) {
    Document details = detailsDocument(body);
    String name = body.containsKey("name") ? body.getString("name").trim() : null;
    return new ProductChanges(List.copyOf(new ArrayList<>(body.fieldNames())), name, body.getString("slug"),
        body.getString("description"), BodyFields.uuid(body, "categoryId"), BodyFields.uuid(body, "brandId"),
        details);
  }

  boolean has(String field) {
    return fields.contains(field);
  }

  /** The body's detail document, sanitised and ready to store; null when the body has none. */
  static Document detailsDocument(JsonObject body) {
    JsonObject details = body.getJsonObject("details");
    return details == null ? null : ProductDetailsRepository.toDocument(DetailsSanitizer.sanitize(details));
  }
}
