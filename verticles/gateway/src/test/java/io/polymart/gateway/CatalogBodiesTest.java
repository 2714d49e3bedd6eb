package io.polymart.gateway;

import io.polymart.core.error.ServiceException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The request bodies of the catalog's taxonomy, SKU and product operations, as the contract describes them. */
class CatalogBodiesTest {
  private static final String ID = "3f6c2a1e-8b4d-4c7a-9e21-5d0b7c9a1f42";
  private final RequestValidation schemas = new RequestValidation(TestContract.get());

  @Test
  void priceBodiesNeedAnAmountAboveZero() {
    schemas.validateBody("setSkuPrice", new JsonObject().put("price", "18.5").put("originalPrice", "25.00"));
    schemas.validateBody("setSkuPrice", new JsonObject().put("price", "0.01"));
    for (String zero : List.of("0", "0.00", "000.0")) {
      assertThat(failingFields("setSkuPrice", new JsonObject().put("price", zero))).containsExactly("price");
    }
    assertThat(failingFields("setSkuPrice", new JsonObject().put("price", "1.00").put("originalPrice", "0")))
        .containsExactly("originalPrice");
    assertThat(failingFields("setSkuPrice", new JsonObject().put("price", "12.345"))).containsExactly("price");
  }

  @Test
  void skuBodies() {
    schemas.validateBody("createSku", sku("LAMP-1", "9.99").put("weight", "0.250").put("originalPrice", "12.00"));
    assertThat(failingFields("createSku", sku("LAMP-1", "0.00"))).containsExactly("price");
    assertThat(failingFields("createSku", sku("LAMP-1", "1.00").put("originalPrice", "0")))
        .containsExactly("originalPrice");
    assertThat(failingFields("createSku", sku("LAMP-1", "1.00").put("weight", "-1"))).containsExactly("weight");
    assertThat(failingFields("createSku", sku("LAMP-1", "1.00").put("weight", 0.25))).containsExactly("weight");
    assertThat(failingFields("updateSku", new JsonObject().put("weight", "0.1234"))).containsExactly("weight");
  }

  @Test
  void productSkusNeedAPriceAboveZero() {
    JsonObject product = new JsonObject().put("name", "Lamp").put("categoryId", ID)
        .put("skus", new JsonArray().add(sku("LAMP-1", "9.99")));
    schemas.validateBody("createProduct", product);
    assertThat(failingFields("createProduct", product.copy().put("skus", new JsonArray().add(sku("LAMP-1", "9.99"))
        .add(sku("LAMP-2", "0"))))).containsExactly("skus.1.price");
  }

  @Test
  void stockBodiesNeedExactlyOneOfDeltaAndOnHandAndAReason() {
    schemas.validateBody("adjustSkuStock", new JsonObject().put("delta", -1).put("reason", "broken"));
    schemas.validateBody("adjustSkuStock", new JsonObject().put("onHand", 0).put("reason", "stock take"));
    assertThat(failingFields("adjustSkuStock", new JsonObject().put("delta", 1))).containsExactly("reason");
    assertThat(failingFields("adjustSkuStock", new JsonObject().put("delta", 1).put("reason", " ")))
        .containsExactly("reason");
    assertThat(failingFields("adjustSkuStock", new JsonObject().put("reason", "neither"))).isNotEmpty();
    assertThat(failingFields("adjustSkuStock", new JsonObject().put("delta", 1).put("onHand", 1).put("reason", "both")))
        .isNotEmpty();
  }

  @Test
  void taxonomyBodies() {
    schemas.validateBody("createCategory", new JsonObject().put("name", "Lamps").put("slug", "lamps").put("parentId", ID));
    assertThat(failingFields("createCategory", new JsonObject().put("name", " ").put("slug", "Not A Slug")
        .put("parentId", "nope").put("sortOrder", -1))).containsExactlyInAnyOrder("name", "slug", "parentId",
        "sortOrder");
    assertThat(failingFields("createCategory", new JsonObject().put("name", "X").put("slug", "x")
        .put("parentId", "nope"))).containsExactly("parentId");
    schemas.validateBody("updateCategory", new JsonObject().put("parentId", null));
    assertThat(failingFields("updateCategory", new JsonObject())).hasSize(1);
    schemas.validateBody("createBrand", new JsonObject().put("name", "Lumen").put("slug", "lumen")
        .put("logoUrl", "/media/lumen.png"));
    assertThat(failingFields("createBrand", new JsonObject().put("name", "Lumen").put("slug", "lumen")
        .put("logoUrl", "javascript:alert(1)"))).containsExactly("logoUrl");
    schemas.validateBody("updateBrand", new JsonObject().put("logoUrl", null));
  }

  @Test
  void productAndImageOrderBodies() {
    JsonObject details = new JsonObject().put("longDescription", new JsonObject().put("format", "xml")
        .put("content", "<p/>"));
    assertThat(failingFields("updateProduct", new JsonObject().put("details", details)))
        .containsExactly("details.longDescription.format");
    assertThat(failingFields("updateProduct", new JsonObject().put("categoryId", "nope")))
        .containsExactly("categoryId");
    schemas.validateBody("updateProduct", new JsonObject().put("brandId", null));
    schemas.validateBody("reorderProductImages", new JsonObject().put("imageIds", new JsonArray().add(ID)));
    assertThat(failingFields("reorderProductImages", new JsonObject().put("imageIds", new JsonArray().add(ID).add(ID))))
        .containsExactly("imageIds");
  }

  /**
   * Issue 10: the schema allowed 100,000 characters where the body limit is 65,536 bytes. The most it allows now
   * fits that limit as one ASCII body, with the rest of a product.
   */
  @Test
  void theLongestLongDescriptionFitsTheBodyLimit() {
    JsonObject longest = new JsonObject().put("details", new JsonObject().put("longDescription",
        new JsonObject().put("format", "markdown").put("content", "a".repeat(60_000))));
    schemas.validateBody("updateProduct", longest);
    assertThat(longest.toBuffer().length()).isLessThan(65_536 - 4_000);
    longest.getJsonObject("details").getJsonObject("longDescription").put("content", "a".repeat(60_001));
    assertThat(failingFields("updateProduct", longest)).containsExactly("details.longDescription.content");
  }

  private static JsonObject sku(String code, String price) {
    return new JsonObject().put("code", code).put("price", price);
  }

  private List<String> failingFields(String operationId, JsonObject body) {
    ServiceException error = catchThrowableOfType(ServiceException.class, () -> schemas.validateBody(operationId, body));
    assertThat(error).as("%s should fail for %s", operationId, body).isNotNull();
    return error.details().stream().map(d -> ((JsonObject) d).getString("field")).toList();
  }
}
