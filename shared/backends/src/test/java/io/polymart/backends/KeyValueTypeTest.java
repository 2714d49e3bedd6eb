package io.polymart.backends;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A unique index's keys in H2: ordered by value, and the order total and consistent with equals. */
class KeyValueTypeTest {
  private final KeyValueType type = new KeyValueType();

  @Test
  void keysAreOrderedByTheirValuesAsMongoDbOrdersThem() {
    List<KeyValue> keys = new ArrayList<>(List.of(new KeyValue("b"), new KeyValue(3L), new KeyValue("a", 2),
        new KeyValue(2.5), new KeyValue(1), new KeyValue("a", 1), new KeyValue("a"), new KeyValue(-7.0)));
    keys.sort(type);
    assertThat(keys).containsExactly(new KeyValue(-7.0), new KeyValue(1), new KeyValue(2.5), new KeyValue(3L),
        new KeyValue("a"), new KeyValue("a", 1), new KeyValue("a", 2), new KeyValue("b"));
  }

  @Test
  void onlyEqualKeysCompareEqualAndTheOrderIsTotal() {
    List<KeyValue> keys = List.of(new KeyValue(1), new KeyValue(1.0), new KeyValue(1L), new KeyValue(2),
        new KeyValue("x"), new KeyValue(new Document("a", 1)), new KeyValue(new Document("a", 1.0)),
        new KeyValue(new ObjectId()), new KeyValue(Instant.ofEpochMilli(5)), new KeyValue(true),
        new KeyValue((Object) null), new KeyValue(new BsonRegularExpression("a.*", "i")),
        new KeyValue(new BsonRegularExpression("b", "")), new KeyValue("x", new KeyValue(1).get(0)));
    for (KeyValue a : keys) {
      assertThat(type.compare(a, copyOf(a))).as("%s with an equal copy", a).isZero();
      for (KeyValue b : keys) {
        int ab = Integer.signum(type.compare(a, b));
        assertThat(ab == 0).as("%s and %s", a, b).isEqualTo(a.equals(b));
        assertThat(Integer.signum(type.compare(b, a))).as("%s and %s, reversed", a, b).isEqualTo(-ab);
        for (KeyValue c : keys) {
          if (ab < 0 && type.compare(b, c) < 0) {
            assertThat(type.compare(a, c)).as("%s < %s < %s", a, b, c).isNegative();
          }
        }
      }
    }
  }

  private static KeyValue copyOf(KeyValue key) {
    List<Object> values = new ArrayList<>();
    key.forEach(values::add);
    return new KeyValue(values);
  }
}
