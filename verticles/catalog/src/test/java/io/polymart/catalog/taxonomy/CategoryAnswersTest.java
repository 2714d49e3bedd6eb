package io.polymart.catalog.taxonomy;

import io.polymart.testing.BusTestNode.Caller;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import static io.polymart.catalog.CatalogFixture.id;
import static io.polymart.catalog.CatalogFixture.ok;
import static io.polymart.catalog.CatalogFixture.unique;
import static io.polymart.core.bus.Addresses.CATALOG_CATEGORY_CREATE;
import static io.polymart.core.bus.Addresses.CATALOG_CATEGORY_UPDATE;
import static org.assertj.core.api.Assertions.assertThat;

/** Issue 10: the answers of category create and update are a {@code Category} of the contract, with its children. */
class CategoryAnswersTest {

  @Test
  void aCreatedCategoryHasNoChildrenYet() {
    JsonObject created = create(null);
    assertThat(created.getJsonArray("children")).isEmpty();
  }

  @Test
  void anUpdatedCategoryShowsItsActiveSubCategoriesAtAnyDepth() {
    JsonObject root = create(null);
    JsonObject child = create(root.getString("id"));
    JsonObject grandChild = create(child.getString("id"));
    JsonObject hidden = create(root.getString("id"));
    ok(CATALOG_CATEGORY_UPDATE, id(hidden.getString("id")), new JsonObject().put("active", false), Caller.admin());

    JsonObject updated = ok(CATALOG_CATEGORY_UPDATE, id(root.getString("id")),
        new JsonObject().put("name", "Renamed " + root.getString("slug")), Caller.admin());

    assertThat(updated.getString("name")).startsWith("Renamed ");
    JsonArray children = updated.getJsonArray("children");
    assertThat(children).hasSize(1);
    JsonObject onlyChild = children.getJsonObject(0);
    assertThat(onlyChild.getString("id")).isEqualTo(child.getString("id"));
    assertThat(onlyChild.getJsonArray("children")).hasSize(1);
    assertThat(onlyChild.getJsonArray("children").getJsonObject(0).getString("id"))
        .isEqualTo(grandChild.getString("id"));
  }

  @Test
  void anInactiveCategoryStillShowsItsActiveSubCategories() {
    JsonObject root = create(null);
    JsonObject child = create(root.getString("id"));
    JsonObject updated = ok(CATALOG_CATEGORY_UPDATE, id(root.getString("id")), new JsonObject().put("active", false),
        Caller.admin());
    assertThat(updated.getBoolean("active")).isFalse();
    assertThat(updated.getJsonArray("children")).hasSize(1);
    assertThat(updated.getJsonArray("children").getJsonObject(0).getString("id")).isEqualTo(child.getString("id"));
  }

  private static JsonObject create(String parentId) {
    String slug = unique("tax");
    JsonObject body = new JsonObject().put("name", "Category " + slug).put("slug", slug);
    if (parentId != null) {
      body.put("parentId", parentId);
    }
    return ok(CATALOG_CATEGORY_CREATE, new JsonObject(), body, Caller.admin());
  }
}
