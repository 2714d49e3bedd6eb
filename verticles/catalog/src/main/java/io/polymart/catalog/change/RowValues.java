package io.polymart.catalog.change;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

import java.util.Collection;
import java.util.Set;
import java.util.UUID;

/**
 * A row's columns as a JSON object with camelCase names, read in the transaction of a change before it: the audit
 * trail's old values of what an update changes.
 */
public final class RowValues {
  private static final Set<String> TABLES = Set.of("catalog.categories", "catalog.brands", "catalog.products",
      "catalog.skus");

  private RowValues() {
  }

  /** The row of {@code table} (one of the catalog's own tables) with that id; empty when there is none. */
  public static Future<JsonObject> read(SqlConnection tx, String table, UUID id) {
    if (!TABLES.contains(table)) {
      throw new IllegalArgumentException("Not an audited table: " + table);
    }
    return tx.preparedQuery("SELECT to_jsonb(t) AS row FROM " + table + " t WHERE t.id = $1").execute(Tuple.of(id))
        .map(rows -> {
          JsonObject values = new JsonObject();
          if (rows.size() > 0) {
            ((JsonObject) rows.iterator().next().getValue("row")).forEach(column ->
                values.put(camelCase(column.getKey()), column.getValue()));
          }
          return values;
        });
  }

  /** Only {@code fields} of {@code values} (a missing one as null). */
  public static JsonObject pick(JsonObject values, Collection<String> fields) {
    JsonObject picked = new JsonObject();
    fields.forEach(field -> picked.put(field, values.getValue(field)));
    return picked;
  }

  static String camelCase(String column) {
    StringBuilder name = new StringBuilder();
    boolean upper = false;
    for (char c : column.toCharArray()) {
      if (c == '_') {
        upper = true;
      } else {
        name.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      }
    }
    return name.toString();
  }
}
