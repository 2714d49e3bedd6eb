package io.polymart.catalog.product;

import io.polymart.catalog.CatalogFixture;
import io.polymart.testing.BusTestNode.Caller;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 10: {@code rating.average} is a JSON number, as the contract's {@code Rating} says (it was a string). */
class RatingJsonTest {

  @Test
  void theAverageRatingIsANumber() {
    Caller seller = Caller.seller();
    JsonObject product = CatalogFixture.createProduct(seller, CatalogFixture.sku("9.99", 1));
    // as the reviews' events would set it; before publishing, so no cached page holds the old one
    CatalogFixture.query("UPDATE catalog.products SET rating = 4.6, review_count = 132 WHERE id = $1::uuid",
        product.getString("id"));
    CatalogFixture.publish(product.getString("id"), seller);

    JsonObject rating = CatalogFixture.product(product.getString("id")).getJsonObject("rating");
    assertThat(rating.getValue("average")).isInstanceOf(Number.class);
    assertThat(rating.getNumber("average").doubleValue()).isEqualTo(4.6);
    assertThat(rating.getLong("count")).isEqualTo(132L);
  }
}
