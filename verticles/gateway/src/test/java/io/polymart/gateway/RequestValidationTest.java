package io.polymart.gateway;

import io.polymart.core.error.ServiceException;
import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class RequestValidationTest {
  private final RequestValidation schemas = new RequestValidation(TestContract.get());

  @Test
  void aValidBodyPasses() {
    schemas.validateBody("register", new JsonObject().put("email", "a@b.co").put("password", "Passw0rd")
        .put("username", "ann"));
  }

  @Test
  void everyFailingFieldIsNamedOnce() {
    JsonArray details = details("register", new JsonObject().put("email", 42).put("extra", true));
    assertThat(fields(details)).containsExactlyInAnyOrder("email", "password", "username", "extra");
  }

  @Test
  void nestedFailuresNameTheLeafAndDeclaredPropertiesAreNotCalledExtra() {
    JsonArray details = details("adminUpdateUser", new JsonObject().put("roles", new JsonArray().add("emperor")));
    assertThat(fields(details)).containsExactly("roles.0");
  }

  @Test
  void queryParametersAreCheckedAgainstTheirSchemas() {
    schemas.validateQuery("searchProducts", query("q", "1.5", "page", "2", "size", "100", "sort", "price_asc"));
    schemas.validateQuery("searchProducts", query("q", "", "attr.color", "red"));
    assertThat(queryFailure("searchProducts", query("page", "abc"))).isEqualTo("page");
    assertThat(queryFailure("searchProducts", query("size", "101"))).isEqualTo("size");
    assertThat(queryFailure("searchProducts", query("sort", "cheapest"))).isEqualTo("sort");
  }

  /** vertx-json-schema copies the repository's lookup table (~170 KB) into every validator: one per distinct schema. */
  @Test
  void aSchemaTheContractRepeatsHasOneValidator() {
    // both name #/components/parameters/Page; listOrders' page has another maximum
    assertThat(schemas.queryValidator("adminListUsers", "page")).isNotNull()
        .isSameAs(schemas.queryValidator("adminAuditTrail", "page"))
        .isNotSameAs(schemas.queryValidator("listOrders", "page"));
  }

  /** An empty value is a value: {@code ?page=} is no more a page than {@code ?page=abc} (issue 10). */
  @Test
  void emptyQueryValuesAreValidatedLikeAnyOther() {
    for (String name : List.of("page", "size", "sort", "minPrice", "maxPrice")) {
      assertThat(queryFailure("searchProducts", query(name, ""))).isEqualTo(name);
    }
    assertThat(queryFailure("listSellerProducts", query("status", ""))).isEqualTo("status");
    assertThat(queryFailure("listOrders", query("status", ""))).isEqualTo("status");
    assertThat(queryFailure("adminListUsers", query("page", ""))).isEqualTo("page");
  }

  @Test
  void priceHistorySkusMustBeUuids() {
    schemas.validateQuery("getProductPriceHistory", query("sku", "123e4567-e89b-12d3-a456-426614174000"));
    assertThat(queryFailure("getProductPriceHistory", query("sku", ""))).isEqualTo("sku");
    assertThat(queryFailure("getProductPriceHistory", query("sku", "123e4567-e89b-12d3-a456-42661417400")))
        .isEqualTo("sku");
    assertThat(queryFailure("getProductPriceHistory", query("sku", "123e4567-e89b-12d3-a456-42661417400g")))
        .isEqualTo("sku");
    assertThat(queryFailure("getProductPriceHistory", query("sku", "1-1-1-1-1"))).isEqualTo("sku");
  }

  private String queryFailure(String operationId, MultiMap query) {
    ServiceException error = catchThrowableOfType(ServiceException.class,
        () -> schemas.validateQuery(operationId, query));
    assertThat(error.status()).isEqualTo(400);
    assertThat(error.code()).isEqualTo("VALIDATION_FAILED");
    return ((JsonObject) error.details().getValue(0)).getString("field");
  }

  private static MultiMap query(String... namesAndValues) {
    MultiMap query = MultiMap.caseInsensitiveMultiMap();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      query.add(namesAndValues[i], namesAndValues[i + 1]);
    }
    return query;
  }

  private JsonArray details(String operationId, JsonObject body) {
    ServiceException error = catchThrowableOfType(ServiceException.class, () -> schemas.validateBody(operationId, body));
    assertThat(error.status()).isEqualTo(400);
    return error.details();
  }

  private static List<String> fields(JsonArray details) {
    return details.stream().map(d -> ((JsonObject) d).getString("field")).toList();
  }
}
