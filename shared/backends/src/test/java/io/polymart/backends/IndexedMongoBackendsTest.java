package io.polymart.backends;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.AbstractMongoBackend;
import de.bwaldvogel.mongo.backend.AbstractMongoCollection;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The stand-in's queries that name an index's keys and more read through that index and still answer exactly what
 * the whole query matches, in memory and on an H2 file; an H2 file written by the plain backend opens unchanged.
 */
class IndexedMongoBackendsTest {
  @TempDir
  static Path dir;

  @BeforeAll
  static void quiet() {
    Support.quietLoggers("de.bwaldvogel");
  }

  static Stream<String> backends() {
    return Stream.of("memory", "h2");
  }

  @ParameterizedTest
  @MethodSource("backends")
  void queriesWithMoreThanAnIndexsKeysAnswerWhatTheWholeQueryMatches(String kind) {
    withServer(indexed(kind, "query.mv"), reviews -> {
      reviews.createIndex(Indexes.ascending("userId", "productId"), new IndexOptions().unique(true));
      for (int i = 0; i < 20; i++) {
        reviews.insertOne(new Document("_id", "r" + i).append("userId", "u" + i % 4).append("productId", "p" + i)
            .append("status", i % 2 == 0 ? "PUBLISHED" : "PENDING").append("verified", i % 3 == 0));
      }

      assertThat(ids(reviews, Filters.and(Filters.eq("_id", "r2"), Filters.eq("status", "PUBLISHED"))))
          .containsExactly("r2");
      assertThat(ids(reviews, Filters.and(Filters.eq("_id", "r3"), Filters.eq("status", "PUBLISHED")))).isEmpty();
      assertThat(ids(reviews, Filters.and(Filters.in("_id", "r1", "r2", "r3", "r4"), Filters.ne("status", "PENDING"))))
          .containsExactlyInAnyOrder("r2", "r4");
      assertThat(ids(reviews, Filters.and(Filters.eq("_id", "r6"),
          Filters.or(Filters.exists("missing", false), Filters.eq("status", "none"))))).containsExactly("r6");
      assertThat(ids(reviews, Filters.and(Filters.eq("userId", "u1"), Filters.eq("productId", "p5"),
          Filters.ne("verified", true)))).containsExactly("r5");
      assertThat(ids(reviews, Filters.and(Filters.eq("userId", "u1"), Filters.eq("productId", "p4"),
          Filters.ne("verified", true)))).isEmpty();
      assertThat(ids(reviews, Filters.and(Filters.eq("userId", "u2"), Filters.eq("status", "PUBLISHED"))))
          .containsExactlyInAnyOrder("r2", "r6", "r10", "r14", "r18");

      assertThat(reviews.updateOne(Filters.and(Filters.eq("_id", "r8"), Filters.eq("status", "PENDING")),
          Updates.set("status", "REMOVED")).getModifiedCount()).isZero();
      assertThat(reviews.updateOne(Filters.and(Filters.eq("_id", "r8"), Filters.eq("status", "PUBLISHED")),
          Updates.set("status", "REMOVED")).getModifiedCount()).isOne();
      assertThat(reviews.findOneAndUpdate(Filters.and(Filters.eq("userId", "u3"), Filters.eq("productId", "p7"),
          Filters.ne("verified", true)), Updates.set("verified", true))).extracting(d -> d.get("_id")).isEqualTo("r7");
      assertThat(ids(reviews, Filters.eq("status", "REMOVED"))).containsExactly("r8");
      assertThat(ids(reviews, Filters.and(Filters.eq("_id", "r7"), Filters.eq("verified", true))))
          .containsExactly("r7");
    });
  }

  @ParameterizedTest
  @MethodSource("backends")
  void anIndexOnPartOfTheQuerysFieldsNamesItsCandidatesOnly(String kind) {
    AbstractMongoBackend backend = indexed(kind, "candidates.mv");
    withServer(backend, reviews -> {
      reviews.createIndex(Indexes.ascending("userId", "productId"), new IndexOptions().unique(true));
      for (int i = 0; i < 10; i++) {
        reviews.insertOne(new Document("_id", "r" + i).append("userId", "u" + i).append("productId", "p" + i)
            .append("status", "PUBLISHED"));
      }
      AbstractMongoCollection<?> stored = (AbstractMongoCollection<?>) backend.resolveDatabase("test")
          .resolveCollection("reviews", true);

      assertThat(candidates(stored, doc("_id", "r4", "status", "X"))).hasSize(1);
      assertThat(candidates(stored, doc("userId", "u5", "productId", "p5", "verified", doc("$ne", true))))
          .hasSize(1);
      // what the Java driver sends for Filters.and(...)
      assertThat(Filters.and(Filters.eq("_id", "r4"), Filters.eq("status", "X")).toBsonDocument().keySet())
          .containsExactly("$and");
      assertThat(candidates(stored, doc("$and", List.of(doc("_id", "r4"), doc("$or", List.of(doc("a", 1)))))))
          .hasSize(1);
      assertThat(candidates(stored, doc("$and", List.of(doc("$and", List.of(doc("userId", "u5"))),
          doc("productId", "p5"), doc("verified", doc("$ne", true)))))).hasSize(1);
      assertThat(candidates(stored, doc("userId", "u5", "status", "X"))).isNull();
      assertThat(candidates(stored, doc("_id", doc("$gt", "r1"), "status", "X"))).isNull();
      assertThat(stored.getClass().getEnclosingClass()).isEqualTo(backend.getClass());
    });
  }

  @Test
  void anH2FileWrittenByThePlainBackendOpensWithItsDocumentsAndIndexes() {
    String file = dir.resolve("plain.mv").toString();
    withServer(new H2Backend(file), reviews -> {
      reviews.createIndex(Indexes.ascending("userId", "productId"), new IndexOptions().unique(true));
      reviews.insertOne(new Document("_id", "r1").append("userId", "u1").append("productId", "p1"));
      reviews.insertOne(new Document("_id", "r2").append("userId", "u2").append("productId", "p1"));
    });
    withServer(new IndexedH2Backend(file), reviews -> {
      assertThat(ids(reviews, Filters.and(Filters.eq("_id", "r1"), Filters.eq("userId", "u1"))))
          .containsExactly("r1");
      assertThat(reviews.listIndexes().into(new ArrayList<>())).hasSize(2);
      reviews.updateOne(Filters.eq("_id", "r2"), Updates.set("rating", 4));
      reviews.insertOne(new Document("_id", "r3").append("userId", "u3").append("productId", "p1"));
    });
    // documents Java-serialised by the plain backend, one of them rewritten as BSON, and one written as BSON
    withServer(new IndexedH2Backend(file), reviews -> assertThat(reviews.find().sort(Sorts.ascending("_id"))
        .map(d -> d.get("_id") + " " + d.get("userId") + " " + d.get("rating")).into(new ArrayList<>()))
        .containsExactly("r1 u1 null", "r2 u2 4", "r3 u3 null"));
  }

  @Test
  void aUniqueIndexWrittenByThePlainBackendIsRebuiltInValueOrderAndStillRefusesDuplicates() {
    String file = dir.resolve("legacy-index.mv").toString();
    int count = 300; // several pages of the index's tree
    withServer(new H2Backend(file), reviews -> {
      reviews.createIndex(Indexes.ascending("userId", "productId"), new IndexOptions().unique(true));
      for (int i = 0; i < count; i++) {
        reviews.insertOne(new Document("_id", "r" + i).append("userId", "u" + i % 7).append("productId", i));
      }
    });
    try (MVStore store = MVStore.open(file)) {
      assertThat(store.getMapNames()).contains("test.reviews._index_userId_1_productId_1");
    }

    for (int open = 0; open < 2; open++) { // the first open rebuilds the index, the second reads the rebuilt one
      withServer(new IndexedH2Backend(file), reviews -> {
        for (int i = 0; i < count; i += 7) {
          assertThat(ids(reviews, Filters.and(Filters.eq("userId", "u" + i % 7), Filters.eq("productId", i),
              Filters.exists("missing", false)))).containsExactly("r" + i);
          assertThat(ids(reviews, Filters.and(Filters.eq("_id", "r" + i), Filters.eq("productId", i))))
              .containsExactly("r" + i);
        }
        assertDuplicate(() -> reviews.insertOne(new Document("_id", "again").append("userId", "u3")
            .append("productId", 10)));
        // the same number as another type is the same key, as in MongoDB
        assertDuplicate(() -> reviews.insertOne(new Document("_id", "again").append("userId", "u3")
            .append("productId", 10.0)));
        assertDuplicate(() -> reviews.insertOne(new Document("_id", "r5").append("userId", "x")));
        assertThat(reviews.countDocuments()).isEqualTo(count);
      });
    }
    try (MVStore store = MVStore.open(file)) {
      assertThat(store.getMapNames())
          .doesNotContain("test.reviews._index_userId_1_productId_1", "test.reviews._index__id_")
          .contains("test.reviews._index_userId_1_productId_1" + IndexedH2Backend.VALUE_ORDERED,
              "test.reviews._index__id_" + IndexedH2Backend.VALUE_ORDERED);
    }

    // written by the plain backend again (an older Polymart): the index is rebuilt, not read as this backend left it
    withServer(new H2Backend(file), reviews -> reviews.insertOne(new Document("_id", "later").append("userId", "u9")
        .append("productId", 9)));
    withServer(new IndexedH2Backend(file), reviews -> {
      assertThat(ids(reviews, Filters.and(Filters.eq("userId", "u9"), Filters.eq("productId", 9),
          Filters.exists("missing", false)))).containsExactly("later");
      assertDuplicate(() -> reviews.insertOne(new Document("_id", "again").append("userId", "u9")
          .append("productId", 9)));
    });

    withServer(new IndexedH2Backend(file), reviews -> {
      reviews.dropIndex("userId_1_productId_1");
      reviews.insertOne(new Document("_id", "again").append("userId", "u3").append("productId", 10));
      assertThat(reviews.countDocuments(Filters.eq("productId", 10))).isEqualTo(2);
    });
    try (MVStore store = MVStore.open(file)) {
      assertThat(store.getMapNames()).noneMatch(name -> name.contains("_index_userId_1_productId_1"));
    }
  }

  private static void assertDuplicate(Runnable insert) {
    assertThatThrownBy(insert::run).isInstanceOf(MongoWriteException.class)
        .satisfies(e -> assertThat(((MongoWriteException) e).getCode()).isEqualTo(11000));
  }

  /** The indexed backend of that kind; an H2 one on that file in the test's directory. */
  private static AbstractMongoBackend indexed(String kind, String h2File) {
    return kind.equals("memory") ? new IndexedMemoryBackend() : new IndexedH2Backend(dir.resolve(h2File).toString());
  }

  private static List<?> candidates(AbstractMongoCollection<?> collection, de.bwaldvogel.mongo.bson.Document query) {
    Iterable<?> found = IndexCandidates.of(collection.getIndexes(), query);
    if (found == null) {
      return null;
    }
    List<Object> positions = new ArrayList<>();
    found.forEach(positions::add);
    return positions;
  }

  private static de.bwaldvogel.mongo.bson.Document doc(Object... fieldsAndValues) {
    de.bwaldvogel.mongo.bson.Document doc = new de.bwaldvogel.mongo.bson.Document();
    for (int i = 0; i < fieldsAndValues.length; i += 2) {
      doc.put((String) fieldsAndValues[i], fieldsAndValues[i + 1]);
    }
    return doc;
  }

  private static List<Object> ids(MongoCollection<Document> collection, Bson filter) {
    return collection.find(filter).map(d -> d.get("_id")).into(new ArrayList<>());
  }

  private static void withServer(MongoBackend backend, Consumer<MongoCollection<Document>> work) {
    MongoServer server = new MongoServer(backend);
    InetSocketAddress address = server.bind();
    try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort())) {
      work.accept(client.getDatabase("test").getCollection("reviews"));
    } finally {
      server.shutdownNow();
    }
  }
}
