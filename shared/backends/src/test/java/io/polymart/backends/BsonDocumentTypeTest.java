package io.polymart.backends;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.BsonJavaScript;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.BsonTimestamp;
import de.bwaldvogel.mongo.bson.Decimal128;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.LegacyUUID;
import de.bwaldvogel.mongo.bson.MaxKey;
import de.bwaldvogel.mongo.bson.MinKey;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;

/** A collection's documents in H2: written as BSON where BSON gives them back as they are, read either way. */
class BsonDocumentTypeTest {
  private final BsonDocumentType type = new BsonDocumentType();

  @Test
  void documentsOfEveryBsonKindReadBackEqualAndWithTheirKinds() {
    Document order = new Document("_id", "order-1").append("user", new ObjectId())
        .append("total", new Decimal128(new BigDecimal("19.90"))).append("count", 3).append("big", Long.MAX_VALUE)
        .append("ratio", -0.0).append("nan", Double.NaN).append("paid", true).append("note", null)
        .append("at", Instant.ofEpochMilli(1_764_000_000_123L)).append("name", "Crème brûlée ☕ 𝄞")
        .append("lines", List.of(new Document("sku", "A-1").append("qty", 2), List.of(1, "x"), new ArrayList<>()))
        .append("data", new BinData(new byte[] {1, 2, 3})).append("uuid", UUID.randomUUID())
        .append("legacyUuid", new LegacyUUID(UUID.randomUUID())).append("ts", new BsonTimestamp(42L))
        .append("pattern", new BsonRegularExpression("^a.*", "i")).append("max", MaxKey.getInstance())
        .append("min", MinKey.getInstance()).append("code", new BsonJavaScript("return 1"))
        .append("empty", new Document());

    Document read = roundTrip(order);

    assertThat(read.remove("pattern")).hasToString(order.remove("pattern").toString()); // no equals of its own
    assertThat(read).isEqualTo(order);
    assertThat(new ArrayList<>(read.keySet())).isEqualTo(new ArrayList<>(order.keySet()));
    for (String field : order.keySet()) {
      Object value = order.get(field);
      if (value != null && !(value instanceof List)) {
        assertThat(read.get(field)).as(field).isInstanceOf(value.getClass());
      }
    }
  }

  @Test
  void aDocumentIsWrittenAsBsonNotAsAJavaSerialisedStream() {
    Document document = new Document("_id", "user-1:product-1").append("orders", List.of("o-1", "o-2"));
    WriteBuffer bson = new WriteBuffer();
    type.write(bson, document);
    WriteBuffer serialised = new WriteBuffer();
    new ObjectDataType().write(serialised, document);

    assertThat(bson.position()).isLessThan(80).isLessThan(serialised.position() / 4);
  }

  @Test
  void documentsBsonWouldChangeAreJavaSerialisedAndReadBackAsTheyWere() {
    List<Document> documents = List.of(new Document("_id", 1).append("when", new Date(5)),
        new Document("_id", 2).append("tags", Set.of("a")),
        new Document("_id", 3).append("map", new HashMap<>(Map.of("k", 1))),
        new Document("_id", 4).append("nested", new Document("a\0b", 1)),
        new Document("_id", 5).append("list", List.of(new Document("when", new Date(7)))));
    for (Document document : documents) {
      Document read = roundTrip(document);
      assertThat(read).isEqualTo(document);
      assertThat(read.toString()).isEqualTo(document.toString());
    }
  }

  @Test
  void documentsJavaSerialisedByTheBackendBeforeAreStillRead() {
    Document old = new Document("_id", "p-1").append("price", new Decimal128(new BigDecimal("5.00")));
    WriteBuffer buffer = new WriteBuffer();
    new ObjectDataType().write(buffer, old);
    type.write(buffer, new Document("_id", "p-2"));
    ByteBuffer written = buffer.getBuffer().flip();

    assertThat(type.read(written)).isEqualTo(old);
    assertThat(type.read(written)).isEqualTo(new Document("_id", "p-2"));
    assertThat(written.hasRemaining()).isFalse();
  }

  @Test
  void aDocumentsMemoryIsEstimatedFromWhatItHolds() {
    int small = type.getMemory(new Document("_id", "a"));
    int larger = type.getMemory(new Document("_id", "a").append("text", "x".repeat(1000)));

    assertThat(small).isBetween(100, 400);
    assertThat(larger).isGreaterThan(small + 1000);
  }

  private Document roundTrip(Document document) {
    WriteBuffer buffer = new WriteBuffer();
    type.write(buffer, document);
    type.write(buffer, new Document("_id", "after"));
    ByteBuffer written = buffer.getBuffer().flip();
    Document read = new BsonDocumentType().read(written);
    assertThat(new BsonDocumentType().read(written)).isEqualTo(new Document("_id", "after"));
    assertThat(written.hasRemaining()).isFalse();
    return read;
  }
}
