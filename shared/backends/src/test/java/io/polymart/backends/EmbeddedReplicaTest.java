package io.polymart.backends;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An embedded streaming replica: made from a low-level base backup of the running primary, read-only, following every
 * commit, restarting from its own copy (catching up through its slot), and back by itself after a SIGKILL.
 */
class EmbeddedReplicaTest {

  @TempDir
  Path dataDir;

  @Test
  void aReplicaFollowsThePrimaryAcrossRestartsAndCrashes() throws Exception {
    BackendsOptions options = new BackendsOptions(dataDir, true, EnumSet.of(Backend.POSTGRES));
    try (EmbeddedBackends backends = EmbeddedBackends.start(options)) {
      execute(backends.postgresUrl().orElseThrow(), "CREATE TABLE notes (body text)",
          "INSERT INTO notes VALUES ('before the backup')");
      String replica = backends.startPostgresReplica();
      assertThat(backends.postgresReplicaUrls()).containsExactly(replica);
      assertThat(replica).isNotEqualTo(backends.postgresUrl().orElseThrow());

      assertThat(query(replica, "SELECT pg_is_in_recovery()::text")).isEqualTo("true");
      assertThat(query(replica, "SELECT body FROM notes")).isEqualTo("before the backup");
      execute(backends.postgresUrl().orElseThrow(), "INSERT INTO notes VALUES ('after the backup')");
      awaitRow(replica, "after the backup");
      assertThatThrownBy(() -> execute(replica, "INSERT INTO notes VALUES ('on the replica')"))
          .isInstanceOf(SQLException.class).hasMessageContaining("read-only");
      assertThat(query(backends.postgresUrl().orElseThrow(),
          "SELECT slot_name || ' ' || active FROM pg_replication_slots")).isEqualTo("polymart_replica_1 true");

      long pid = backends.postgresReplicaPid(0).orElseThrow();
      ProcessHandle.of(pid).orElseThrow().destroyForcibly();
      execute(backends.postgresUrl().orElseThrow(), "INSERT INTO notes VALUES ('while the replica was down')");
      awaitRow(replica, "while the replica was down");
      assertThat(backends.postgresReplicaPid(0)).get().isNotEqualTo(pid);
    }

    try (EmbeddedBackends backends = EmbeddedBackends.start(options)) {
      // written while no replica ran: the slot kept the WAL, and the replica's own copy catches up from it
      execute(backends.postgresUrl().orElseThrow(), "INSERT INTO notes VALUES ('between two starts')");
      String replica = backends.startPostgresReplica();
      awaitRow(replica, "between two starts");
      assertThat(query(replica, "SELECT count(*)::text FROM notes")).isEqualTo("4");
      Map<Backend, Integer> ports = Map.of(Backend.POSTGRES, URI.create(replica).getPort());
      backends.close();
      EmbeddedBackendsTest.assertNothingLeft(dataDir, ports);
    }
  }

  private static Connection connect(String url) throws SQLException {
    URI uri = URI.create(url);
    String[] userInfo = uri.getUserInfo().split(":", 2);
    return DriverManager.getConnection("jdbc:postgresql://" + uri.getHost() + ":" + uri.getPort() + uri.getPath(),
        userInfo[0], userInfo[1]);
  }

  private static void execute(String url, String... statements) throws SQLException {
    try (Connection c = connect(url); Statement s = c.createStatement()) {
      for (String sql : statements) {
        s.execute(sql);
      }
    }
  }

  private static String query(String url, String sql) throws SQLException {
    try (Connection c = connect(url); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      assertThat(rs.next()).as(sql).isTrue();
      return rs.getString(1);
    }
  }

  private static void awaitRow(String url, String body) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (true) {
      try {
        if ("1".equals(query(url, "SELECT count(*)::text FROM notes WHERE body = '" + body + "'"))) {
          return;
        }
      } catch (SQLException | AssertionError notYet) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError("the replica never showed '" + body + "'", notYet);
        }
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the replica never showed '" + body + "'");
      }
      Thread.sleep(50);
    }
  }
}
