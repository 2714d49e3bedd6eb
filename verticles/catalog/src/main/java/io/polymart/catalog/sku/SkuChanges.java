package io.polymart.catalog.sku;

import io.vertx.core.json.JsonObject;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * What a seller changes in a SKU ({@code PATCH /skus/{id}}): attributes and weight change when given (a null weight
 * clears it); a null status or threshold keeps its value. {@code fields} names what the body held, for the event.
 * The body's shape and limits are the contract's ({@code schemas/json/catalog-sku-update.json}).
 */
public record SkuChanges(boolean attributesGiven, JsonObject attributes, boolean weightGiven, BigDecimal weight,
    String status, Integer lowStockThreshold, List<String> fields) {
  public static SkuChanges from(JsonObject body) {
    return new SkuChanges(body.containsKey("attributes"), body.getJsonObject("attributes"), body.containsKey("weight"),
        NewSku.weight(body), body.getString("status"), body.getInteger("lowStockThreshold"),
        List.copyOf(new ArrayList<>(body.fieldNames())));
  }
}
