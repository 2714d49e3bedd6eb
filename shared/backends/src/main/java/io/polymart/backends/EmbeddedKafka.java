package io.polymart.backends;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An in-process Kafka 3.9 node in KRaft combined mode (broker and controller, node id 1) on free ports on 127.0.0.1.
 * Log directory {@code dataDir/kafka}, formatted on first start only, so topics and messages survive a restart. Sized
 * for one node: replication factor 1 everywhere, topics created automatically with {@link #PARTITIONS} partitions, no
 * initial rebalance delay for consumer groups.
 *
 * <p>Usually started by {@link EmbeddedBackends}. Tests that need a broker outage start one themselves and restart it
 * on the same port and directory, so that clients reconnect to it:
 *
 * <pre>{@code
 * EmbeddedKafka kafka = EmbeddedKafka.start(dir, 0);   // a free port
 * int port = kafka.port();
 * kafka.close();                                       // outage
 * kafka = EmbeddedKafka.start(dir, port);              // back, with its topics and messages
 * }</pre>
 */
public final class EmbeddedKafka implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafka.class);
  private static final int NODE_ID = 1;
  /**
   * Partitions of a topic created automatically. A consumer group's instances share a topic's partitions, so with one
   * partition a single instance would handle all of a topic's events, one after the other, however many were
   * deployed. A topic created by an earlier start keeps the count it was created with.
   */
  static final int PARTITIONS = 6;
  private static boolean exitGuarded;
  private static final String FATAL = "Embedded Kafka fatal error: ";

  private final KafkaRaftServer server;
  private final int port;
  private boolean closed;

  private EmbeddedKafka(KafkaRaftServer server, int port) {
    this.server = server;
    this.port = port;
  }

  static EmbeddedKafka start(Path logDir) {
    return start(logDir, 0);
  }

  /**
   * Starts a node with its log directory {@code logDir} (formatted if new) listening on {@code port}, or on a free
   * port if {@code port} is 0. Returns when it accepts connections.
   */
  public static EmbeddedKafka start(Path logDir, int port) {
    Support.quietLoggers("kafka", "org.apache.kafka", "state.change.logger", "org.apache.zookeeper");
    // logs the activation of a new or restarted controller at WARN
    Support.setLevelIfUnset("ERROR", "org.apache.kafka.controller.QuorumController");
    guardExit();
    try {
      Files.createDirectories(logDir);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not create " + logDir, e);
    }
    RuntimeException failure = null;
    for (int attempt = 0; attempt < 3; attempt++) {
      int brokerPort = port == 0 ? Support.freePort() : port;
      int controllerPort = Support.freePort();
      KafkaConfig config = new KafkaConfig(properties(logDir, brokerPort, controllerPort), false);
      if (!Files.exists(logDir.resolve("meta.properties"))) {
        format(config, logDir);
      }
      KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
      try {
        server.startup();
        LOG.info("Kafka embedded (KRaft), listening on {}:{} (data: {})", Support.HOST, brokerPort, logDir);
        return new EmbeddedKafka(server, brokerPort);
      } catch (RuntimeException e) {
        failure = e;
        try {
          server.shutdown();
        } catch (RuntimeException suppressed) {
          e.addSuppressed(suppressed);
        }
        // a port lost to a server that bound port 0 meanwhile (S3, MongoDB) shows as "already in use", or, for the
        // controller's port, only as a fatal error with the bind failure logged before it: both get new ports
        String cause = String.valueOf(rootMessage(e));
        if (!cause.contains("already in use") && !cause.startsWith(FATAL)) {
          break;
        }
      }
    }
    throw new IllegalStateException("Kafka did not start", failure);
  }

  public int port() {
    return port;
  }

  /** {@code 127.0.0.1:PORT}. */
  public String bootstrapServers() {
    return Support.HOST + ":" + port;
  }

  /** Controlled shutdown; returns when broker and controller have stopped and the logs are flushed. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    server.shutdown();
    server.awaitShutdown();
    LOG.debug("Kafka on port {} stopped", port);
  }

  // ---------------------------------------------------------------------------------------------------------------

  private static Properties properties(Path logDir, int port, int controllerPort) {
    Properties p = new Properties();
    p.setProperty("process.roles", "broker,controller");
    p.setProperty("node.id", Integer.toString(NODE_ID));
    p.setProperty("controller.quorum.voters", NODE_ID + "@" + Support.HOST + ":" + controllerPort);
    p.setProperty("listeners", "PLAINTEXT://" + Support.HOST + ":" + port + ",CONTROLLER://" + Support.HOST + ":"
        + controllerPort);
    p.setProperty("advertised.listeners", "PLAINTEXT://" + Support.HOST + ":" + port);
    p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
    p.setProperty("controller.listener.names", "CONTROLLER");
    p.setProperty("inter.broker.listener.name", "PLAINTEXT");
    p.setProperty("log.dirs", logDir.toString());
    p.setProperty("auto.create.topics.enable", "true");
    p.setProperty("num.partitions", Integer.toString(PARTITIONS));
    p.setProperty("default.replication.factor", "1");
    p.setProperty("min.insync.replicas", "1");
    p.setProperty("offsets.topic.replication.factor", "1");
    p.setProperty("offsets.topic.num.partitions", "1");
    p.setProperty("transaction.state.log.replication.factor", "1");
    p.setProperty("transaction.state.log.min.isr", "1");
    p.setProperty("transaction.state.log.num.partitions", "1");
    p.setProperty("group.initial.rebalance.delay.ms", "0");
    p.setProperty("log.cleaner.dedupe.buffer.size", Integer.toString(2 * 1024 * 1024));
    p.setProperty("log.cleaner.threads", "1");
    p.setProperty("num.network.threads", "2");
    p.setProperty("num.io.threads", "2");
    p.setProperty("background.threads", "2");
    p.setProperty("num.recovery.threads.per.data.dir", "1");
    p.setProperty("num.replica.fetchers", "1");
    p.setProperty("log.index.size.max.bytes", Integer.toString(1024 * 1024));
    p.setProperty("metadata.log.dir", logDir.toString());
    // after a crash the previous incarnation of the broker stays registered until its session expires: keep that
    // short (default 9 s), heartbeats accordingly
    p.setProperty("broker.heartbeat.interval.ms", "500");
    p.setProperty("broker.session.timeout.ms", "3000");
    return p;
  }

  private static void format(KafkaConfig config, Path logDir) {
    try {
      new Formatter()
          .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
          .setNodeId(NODE_ID)
          .setClusterId(Uuid.randomUuid().toString())
          .setControllerListenerName("CONTROLLER")
          .setMetadataLogDirectory(logDir.toString())
          .addDirectory(logDir.toString())
          .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
          .setIgnoreFormatted(true)
          .run();
    } catch (Exception e) {
      throw new IllegalStateException("Could not format the Kafka log directory " + logDir, e);
    }
  }

  /**
   * Kafka halts the JVM on fatal errors (Exit.halt). Embedded in the application, it must not take the whole process
   * down: the fault is logged and the thread that hit it fails instead.
   */
  private static synchronized void guardExit() {
    if (exitGuarded) {
      return;
    }
    exitGuarded = true;
    Exit.setHaltProcedure((status, message) -> {
      LOG.error("Embedded Kafka requested a JVM halt (status {}): {}", status, message);
      throw new IllegalStateException(FATAL + message);
    });
    Exit.setExitProcedure((status, message) -> {
      LOG.error("Embedded Kafka requested a JVM exit (status {}): {}", status, message);
      throw new IllegalStateException(FATAL + message);
    });
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getMessage();
  }
}
