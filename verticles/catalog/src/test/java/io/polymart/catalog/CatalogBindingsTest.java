package io.polymart.catalog;

import io.polymart.catalog.taxonomy.BrandChanges;
import io.polymart.catalog.taxonomy.CategoryChanges;
import io.polymart.catalog.taxonomy.NewBrand;
import io.polymart.catalog.taxonomy.NewCategory;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The envelope's body as the taxonomy services receive it. */
class CatalogBindingsTest {
  @Test
  void aNewCategoryIsVisibleAtTheEndOfTheTopLevelUnlessTheBodySaysOtherwise() {
    assertThat(CatalogBindings.newCategory(new JsonObject().put("name", " Phones ").put("slug", "phones")))
        .isEqualTo(new NewCategory("Phones", "phones", null, 0, true));
    UUID parent = UUID.randomUUID();
    assertThat(CatalogBindings.newCategory(new JsonObject().put("name", "Cases").put("slug", "cases")
        .put("parentId", parent.toString()).put("sortOrder", 30).put("active", false)))
        .isEqualTo(new NewCategory("Cases", "cases", parent, 30, false));
    // a parentId that is not an id is the contract's to refuse: CatalogBodiesTest
  }

  @Test
  void categoryChangesKeepWhatTheBodyLeavesOutAndAnExplicitNullParentMeansTopLevel() {
    assertThat(CatalogBindings.categoryChanges(new JsonObject()))
        .isEqualTo(new CategoryChanges(null, null, false, null, null, null));
    assertThat(CatalogBindings.categoryChanges(new JsonObject().put("name", " New ").putNull("parentId")))
        .isEqualTo(new CategoryChanges("New", null, true, null, null, null));
  }

  @Test
  void brandLogosAreKeptUnlessGivenAndRemovedWithNull() {
    assertThat(CatalogBindings.newBrand(new JsonObject().put("name", " Acme ").put("slug", "acme")))
        .isEqualTo(new NewBrand("Acme", "acme", null));
    assertThat(CatalogBindings.brandChanges(new JsonObject().put("slug", "acme-2")))
        .isEqualTo(new BrandChanges(null, "acme-2", false, null));
    assertThat(CatalogBindings.brandChanges(new JsonObject().putNull("logoUrl")))
        .isEqualTo(new BrandChanges(null, null, true, null));
  }
}
