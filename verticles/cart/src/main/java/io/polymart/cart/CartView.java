package io.polymart.cart;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.jackson.JacksonCodec;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

/**
 * The cart as its owner sees it: each line with the catalog's current facts and warnings, and the subtotal of the
 * selected lines that are for sale. A line whose SKU the catalog no longer knows stays, marked UNAVAILABLE.
 *
 * <p>Written as JSON bytes, field by field: a cart of 50 lines is about 16 KB, and building it as JSON objects first
 * (a map per line and per warning) then encoding them cost add-to-cart about a tenth of its CPU.
 */
final class CartView {
  private static final JsonFactory JSON = new JsonFactory();
  private final String currency;

  CartView(String currency) {
    this.currency = currency;
  }

  Buffer render(Cart cart, Map<String, SkuFacts> facts) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(512 + 320 * cart.lineCount());
    try (JsonGenerator json = JSON.createGenerator(bytes)) {
      BigDecimal subtotal = BigDecimal.ZERO;
      json.writeStartObject();
      json.writeArrayFieldStart("items");
      for (CartLine line : cart.lines()) {
        SkuFacts sku = facts.get(line.skuId());
        BigDecimal lineTotal = sku == null ? null : sku.unitPrice().multiply(BigDecimal.valueOf(line.quantity()));
        if (line.selected() && sku != null && sku.forSale()) {
          subtotal = subtotal.add(lineTotal);
        }
        writeLine(json, line, sku, lineTotal);
      }
      json.writeEndArray();
      json.writeNumberField("lineCount", cart.lineCount());
      json.writeNumberField("selectedQuantity", cart.selectedQuantity());
      json.writeStringField("subtotal", money(subtotal));
      json.writeStringField("currency", currency);
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);  // a byte array does not fail
    }
    return Buffer.buffer(bytes.toByteArray());
  }

  private static void writeLine(JsonGenerator json, CartLine line, SkuFacts sku, BigDecimal lineTotal)
      throws IOException {
    json.writeStartObject();
    json.writeStringField("skuId", line.skuId());
    json.writeStringField("productId", sku == null ? null : sku.productId());
    json.writeStringField("code", sku == null ? null : sku.code());
    json.writeStringField("name", sku == null ? null : sku.name());
    if (sku == null || sku.attributes() == null) {
      json.writeNullField("attributes");
    } else {
      json.writeFieldName("attributes");
      JacksonCodec.encodeJson(sku.attributes(), json);
    }
    json.writeStringField("image", sku == null ? null : sku.image());
    json.writeStringField("unitPrice", sku == null ? null : money(sku.unitPrice()));
    json.writeStringField("addedPrice", money(new BigDecimal(line.addedPrice())));
    json.writeNumberField("quantity", line.quantity());
    json.writeBooleanField("selected", line.selected());
    json.writeStringField("lineTotal", lineTotal == null ? null : money(lineTotal));
    json.writeNumberField("available", sku == null ? 0 : sku.available());
    json.writeBooleanField("forSale", sku != null && sku.forSale());
    json.writeArrayFieldStart("warnings");
    writeWarnings(json, line, sku);
    json.writeEndArray();
    json.writeEndObject();
  }

  /** UNAVAILABLE says it all for a line that cannot be bought; a line that can may have changed price or run short. */
  private static void writeWarnings(JsonGenerator json, CartLine line, SkuFacts sku) throws IOException {
    if (sku == null || !sku.forSale()) {
      writeWarning(json, "UNAVAILABLE", sku == null ? "This item no longer exists"
          : "This item is not for sale at the moment");
      return;
    }
    BigDecimal addedPrice = new BigDecimal(line.addedPrice());
    if (sku.unitPrice().compareTo(addedPrice) != 0) {
      writeWarning(json, "PRICE_CHANGED", "The price changed from " + money(addedPrice) + " to "
          + money(sku.unitPrice()) + " since this item was added");
    }
    if (sku.available() < line.quantity()) {
      writeWarning(json, "STOCK_SHORT", sku.available() == 0 ? "Out of stock"
          : "Only " + sku.available() + " left in stock");
    }
  }

  private static void writeWarning(JsonGenerator json, String code, String message) throws IOException {
    json.writeStartObject();
    json.writeStringField("code", code);
    json.writeStringField("message", message);
    json.writeEndObject();
  }

  static String money(BigDecimal amount) {
    return amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
  }
}
