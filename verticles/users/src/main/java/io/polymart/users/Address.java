package io.polymart.users;

import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;

/** A delivery address as the user edits it. */
record Address(String receiver, String phone, String province, String city, String district, String detail,
    String postalCode) {

  static final String COLUMNS =
      "id, receiver, phone, province, city, district, detail, postal_code, is_default, created_at, updated_at";

  static Address from(JsonObject body) {
    return new Address(body.getString("receiver"), body.getString("phone"), body.getString("province"),
        body.getString("city"), body.getString("district"), body.getString("detail"), body.getString("postalCode"));
  }

  Tuple addTo(Tuple tuple) {
    return tuple.addValue(receiver).addValue(phone).addValue(province).addValue(city).addValue(district)
        .addValue(detail).addValue(postalCode);
  }

  static JsonObject toJson(Row row) {
    return new JsonObject()
        .put("id", row.getUUID("id").toString())
        .put("receiver", row.getString("receiver"))
        .put("phone", row.getString("phone"))
        .put("province", row.getString("province"))
        .put("city", row.getString("city"))
        .put("district", row.getString("district"))
        .put("detail", row.getString("detail"))
        .put("postalCode", row.getString("postal_code"))
        .put("isDefault", row.getBoolean("is_default"))
        .put("createdAt", row.getOffsetDateTime("created_at").toInstant().toString())
        .put("updatedAt", row.getOffsetDateTime("updated_at").toInstant().toString());
  }
}
