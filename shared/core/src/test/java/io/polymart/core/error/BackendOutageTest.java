package io.polymart.core.error;

import io.vertx.core.VertxException;
import io.vertx.pgclient.PgException;
import io.vertx.redis.client.impl.types.ErrorType;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;

import static org.assertj.core.api.Assertions.assertThat;

class BackendOutageTest {
  @Test
  void aBackendThatCannotBeReachedOrIsRestartingIsAnOutage() {
    assertThat(BackendOutage.is(new ConnectException("Connection refused"))).isTrue();
    assertThat(BackendOutage.is(new RuntimeException("wrapped", new ConnectException("refused")))).isTrue();
    assertThat(BackendOutage.is(new PgException("terminating connection", "FATAL", "57P01", null))).isTrue();
    assertThat(BackendOutage.is(new PgException("the database system is starting up", "FATAL", "57P03", null)))
        .isTrue();
    assertThat(BackendOutage.is(new PgException("too many clients", "FATAL", "53300", null))).isTrue();
    assertThat(BackendOutage.is(ErrorType.create("LOADING Redis is loading the dataset in memory"))).isTrue();
    assertThat(BackendOutage.is(ErrorType.create("CONNECTION_CLOSED"))).isTrue();
    assertThat(BackendOutage.is(VertxException.noStackTrace("Connection is closed"))).isTrue();
  }

  @Test
  void aDefectIsNotAnOutage() {
    assertThat(BackendOutage.is(new IllegalStateException("bug"))).isFalse();
    assertThat(BackendOutage.is(new PgException("duplicate key", "ERROR", "23505", null))).isFalse();
    assertThat(BackendOutage.is(new PgException("canceling statement", "ERROR", "57014", null))).isFalse();
    assertThat(BackendOutage.is(ErrorType.create("WRONGTYPE Operation against a key"))).isFalse();
  }

  @Test
  void anOutageAnswers503WithRetryAfter() {
    ServiceException error = ServiceException.fromFailure(new ConnectException("Connection refused"));
    assertThat(error.status()).isEqualTo(503);
    assertThat(error.code()).isEqualTo("SERVICE_UNAVAILABLE");
    assertThat(error.retryAfterSeconds()).isPositive();
    assertThat(ServiceException.fromFailure(new IllegalStateException("bug")).status()).isEqualTo(500);
  }
}
