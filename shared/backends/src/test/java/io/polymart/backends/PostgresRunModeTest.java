package io.polymart.backends;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.polymart.backends.EmbeddedPostgres.RunMode;
import io.polymart.backends.EmbeddedPostgres.Runner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * As root, PostgreSQL runs as uid 65534 via setpriv where user namespaces are blocked. Forced here; the data
 * directory sits in a root-only (0700) temporary directory, as it would under /root. Then the same data directory is
 * reused in the mode this machine picks by itself (unshare as root here), which has to take the files back.
 */
class PostgresRunModeTest {

  @TempDir
  Path tmp;

  @Test
  void setprivFallbackAndBack() throws Exception {
    assumeTrue(Support.isRoot(), "only as root");
    assumeTrue(Support.run(java.util.List.of("setpriv", "--version"), null, java.time.Duration.ofSeconds(10)).ok(),
        "setpriv not installed");
    Runner setpriv = EmbeddedPostgres.detectRunner(true);
    assertThat(setpriv.mode()).isEqualTo(RunMode.SETPRIV);
    Path dataDir = tmp.resolve("postgres");

    EmbeddedPostgres pg = EmbeddedPostgres.start(dataDir, false, setpriv);
    try {
      ProcessHandle postmaster = ProcessHandle.of(pg.postmasterPid().orElseThrow()).orElseThrow();
      assertThat(postmaster.info().user()).hasValueSatisfying(u -> assertThat(u).isIn("nobody", "65534"));
      assertThat(Files.getAttribute(dataDir, "unix:uid")).isEqualTo(65534);
      try (Connection c = DriverManager.getConnection(pg.jdbcUrl()); Statement s = c.createStatement()) {
        s.execute("CREATE EXTENSION pg_trgm");
        s.execute("CREATE TABLE t (v text)");
        s.execute("INSERT INTO t VALUES ('written as nobody')");
      }
    } finally {
      pg.close();
    }
    assertThat(pg.postmasterPid()).isEmpty();

    Runner usual = EmbeddedPostgres.detectRunner(false);
    pg = EmbeddedPostgres.start(dataDir, false, usual);
    try (Connection c = DriverManager.getConnection(pg.jdbcUrl()); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT v FROM t")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo("written as nobody");
    } finally {
      pg.close();
    }
    assertThat(ProcessHandle.allProcesses()
        .filter(p -> p.info().commandLine().orElse("").contains(dataDir.toString()))).isEmpty();
  }
}
