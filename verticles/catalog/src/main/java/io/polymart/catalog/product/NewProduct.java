package io.polymart.catalog.product;

import io.polymart.catalog.sku.NewSku;
import io.polymart.core.error.ServiceException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.bson.Document;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A product as a seller submits it ({@code POST /products}), checked beyond what the JSON Schema can say. A null
 * {@code slug} is generated from the name; {@code details} is the sanitised detail document, or null.
 */
public record NewProduct(String name, String slug, String description, List<NewSku> skus, Document details,
    UUID categoryId, UUID brandId) {
  public static NewProduct from(JsonObject body) {
    String name = body.getString("name").trim();
    String slug = body.getString("slug");
    List<NewSku> skus = skus(body.getJsonArray("skus"));
    Document details = ProductChanges.detailsDocument(body);
    UUID categoryId = BodyFields.uuid(body, "categoryId");
    UUID brandId = BodyFields.uuid(body, "brandId");
    return new NewProduct(name, slug, body.getString("description", ""), skus, details, categoryId, brandId);
  }

  private static List<NewSku> skus(JsonArray array) {
    List<NewSku> result = new ArrayList<>();
    Set<String> codes = new HashSet<>();
    for (int i = 0; i < array.size(); i++) {
      NewSku sku = NewSku.from(array.getJsonObject(i));
      if (!codes.add(sku.code())) {
        throw ServiceException.invalidField("skus[" + i + "].code", "is used twice in this request");
      }
      result.add(sku);
    }
    return result;
  }
}
