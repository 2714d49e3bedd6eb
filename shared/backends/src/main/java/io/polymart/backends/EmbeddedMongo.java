package io.polymart.backends;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * mongo-java-server (MongoDB wire protocol, in-process) on a free port on 127.0.0.1: H2 MVStore file
 * {@code dataDir/mongo/mongo.mv} when persistent (a command's changes are written to it before its answer), memory
 * otherwise. It lacks transactions, {@code $text}, TTL and non-unique indexes. A query naming the keys of an index it
 * keeps (the {@code _id}, a unique one) and more reads through that index ({@link IndexCandidates}).
 */
final class EmbeddedMongo implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedMongo.class);

  private final MongoServer server;
  private final int port;
  private boolean closed;

  private EmbeddedMongo(MongoServer server, int port) {
    this.server = server;
    this.port = port;
  }

  static EmbeddedMongo start(Path dataDir, boolean persistent) {
    Support.quietLoggers("de.bwaldvogel");
    MongoBackend backend;
    String where;
    if (persistent) {
      try {
        Files.createDirectories(dataDir);
      } catch (IOException e) {
        throw new UncheckedIOException("Could not create " + dataDir, e);
      }
      Path file = dataDir.resolve("mongo.mv");
      backend = new IndexedH2Backend(file.toString());
      where = file.toString();
    } else {
      backend = new IndexedMemoryBackend();
      where = "memory";
    }
    MongoServer server = new MongoServer(backend);
    try {
      // one worker thread: with several, a reply being encoded on one thread while another updates the same stored
      // document fails with a ConcurrentModificationException inside mongo-java-server, and the client never
      // gets its answer (seen with reviews written and voted on concurrently)
      server.bind(new InetSocketAddress(Support.loopback(), 0), 1, 1);
    } catch (RuntimeException e) {
      server.shutdownNow();
      throw e;
    }
    int port = server.getLocalAddress().getPort();
    LOG.info("MongoDB embedded (mongo-java-server), listening on {}:{} (data: {})", Support.HOST, port, where);
    return new EmbeddedMongo(server, port);
  }

  int port() {
    return port;
  }

  String url() {
    return "mongodb://" + Support.HOST + ":" + port;
  }

  /** Closes all connections and the backend (the H2 file is committed and closed). */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    server.shutdownNow();
    LOG.debug("MongoDB on port {} stopped", port);
  }
}
