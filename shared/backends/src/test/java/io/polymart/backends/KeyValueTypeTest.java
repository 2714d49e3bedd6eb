package io.polymart.backends;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;
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

  @Test
  void keysReadBackAsWrittenWithTheKindOfEachValue() {
    List<KeyValue> keys = List.of(new KeyValue("sku-1"), new KeyValue("u", "p"), new KeyValue(1, 1L, 1.0, -0.0),
        new KeyValue((Object) null), new KeyValue(true, (short) 3, new BigDecimal("1.10")),
        new KeyValue(new Date(5), Instant.ofEpochMilli(5), UUID.randomUUID()), new KeyValue(new ObjectId()),
        new KeyValue(new Document("a", 1).append("b", List.of("x"))), new KeyValue("x".repeat(300), Long.MIN_VALUE));
    WriteBuffer buffer = new WriteBuffer();
    keys.forEach(key -> type.write(buffer, key));
    ByteBuffer written = buffer.getBuffer().flip();
    for (KeyValue key : keys) {
      KeyValue read = new KeyValueType().read(written);
      assertThat(read).isEqualTo(key);
      for (int i = 0; i < key.size(); i++) {
        if (key.get(i) != null) {
          assertThat(read.get(i)).as("%s", key).isInstanceOf(key.get(i).getClass());
        }
      }
    }
    assertThat(written.hasRemaining()).isFalse();
  }

  @Test
  void aKeyOfStringsIsWrittenInAFewBytesAndEstimatedAtItsSize() {
    WriteBuffer buffer = new WriteBuffer();
    type.write(buffer, new KeyValue("user-1", "product-1"));
    assertThat(buffer.position()).isLessThan(20);
    assertThat(new KeyValueType().getMemory(new KeyValue("user-1", "product-1"))).isBetween(64, 200);
  }

  @Test
  void keysJavaSerialisedWholeByTheBackendBeforeAreStillRead() {
    KeyValue key = new KeyValue("user-1", 7, new ObjectId());
    WriteBuffer buffer = new WriteBuffer();
    new ObjectDataType().write(buffer, key);
    type.write(buffer, new KeyValue("next"));
    ByteBuffer written = buffer.getBuffer().flip();
    assertThat(type.read(written)).isEqualTo(key);
    assertThat(type.read(written)).isEqualTo(new KeyValue("next"));
  }

  private static KeyValue copyOf(KeyValue key) {
    List<Object> values = new ArrayList<>();
    key.forEach(values::add);
    return new KeyValue(values);
  }
}
