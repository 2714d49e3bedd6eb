package io.polymart.catalog.taxonomy;

import io.polymart.catalog.change.Change;
import io.vertx.core.Future;
import io.vertx.sqlclient.Tuple;

import java.util.UUID;

/** Product pages show their category and brand: renaming one must drop the cached pages that show it. */
final class ProductPages {
  private ProductPages() {
  }

  /** Marks every product whose {@code column} (category_id or brand_id) is {@code id} as changed. */
  static Future<Void> touchAll(Change change, String column, UUID id) {
    return change.connection().preparedQuery("SELECT id FROM catalog.products WHERE " + column + " = $1")
        .execute(Tuple.of(id))
        .map(rows -> {
          rows.forEach(row -> change.touch(row.getUUID("id")));
          return null;
        });
  }
}
