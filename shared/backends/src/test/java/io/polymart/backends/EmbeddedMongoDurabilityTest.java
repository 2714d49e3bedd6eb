package io.polymart.backends;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.bson.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the embedded MongoDB acknowledged is in its file when the answer arrives: a crash of the process loses none. */
class EmbeddedMongoDurabilityTest {
  @TempDir
  Path dir;

  @BeforeAll
  static void quiet() {
    Support.quietLoggers("de.bwaldvogel");
  }

  @Test
  void everyAcknowledgedWriteIsInTheFileBeforeItsAnswer() throws Exception {
    Path file = dir.resolve("live.mv");
    Path afterCrash = dir.resolve("after-crash.mv");
    List<Document> acknowledged = onServer(new IndexedH2Backend(file.toString()), reviews -> {
      reviews.insertOne(new Document("_id", "a").append("stars", 4));
      reviews.insertOne(new Document("_id", "b").append("stars", 2));
      reviews.updateOne(Filters.eq("_id", "a"), Updates.set("stars", 5));
      reviews.deleteOne(Filters.eq("_id", "b"));
      reviews.findOneAndUpdate(Filters.eq("_id", "a"), Updates.inc("helpful", 1));
      // the file as a crash of the process at this moment would leave it (the store's own auto-commit is a second
      // away; the server is still running)
      copy(file, afterCrash);
      return reviews.find().into(new ArrayList<>());
    });
    assertThat(acknowledged).containsExactly(new Document("_id", "a").append("stars", 5).append("helpful", 1));

    List<Document> afterRestart = onServer(new IndexedH2Backend(afterCrash.toString()),
        reviews -> reviews.find().into(new ArrayList<>()));
    assertThat(afterRestart).isEqualTo(acknowledged);
  }

  private static void copy(Path from, Path to) {
    try {
      Files.copy(from, to);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static <T> T onServer(IndexedH2Backend backend, Function<MongoCollection<Document>, T> work) {
    MongoServer server = new MongoServer(backend);
    InetSocketAddress address = server.bind();
    try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort())) {
      return work.apply(client.getDatabase("test").getCollection("reviews"));
    } finally {
      server.shutdownNow();
    }
  }
}
