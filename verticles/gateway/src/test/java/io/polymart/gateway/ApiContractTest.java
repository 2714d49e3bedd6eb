package io.polymart.gateway;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class ApiContractTest {

  @Test
  void theGatewayInstancesOfOneVertxShareOneContractAndOneSetOfValidators() throws Exception {
    Vertx vertx = Vertx.vertx();
    Vertx other = Vertx.vertx();
    try {
      ApiContract.Loaded first = onNewContext(vertx);
      ApiContract.Loaded second = onNewContext(vertx);
      ApiContract.Loaded elsewhere = onNewContext(other);

      assertThat(second.contract()).isSameAs(first.contract());
      assertThat(second.validation()).isSameAs(first.validation());
      assertThat(elsewhere.validation()).isNotSameAs(first.validation());
      first.validation().validateBody("register", new JsonObject().put("email", "a@b.co")
          .put("password", "Passw0rd").put("username", "ann"));
    } finally {
      vertx.close().await(30, TimeUnit.SECONDS);
      other.close().await(30, TimeUnit.SECONDS);
    }
  }

  /** As a gateway instance asks for it: from a context of its own. */
  private static ApiContract.Loaded onNewContext(Vertx vertx) throws Exception {
    return Future.<ApiContract.Loaded>future(promise -> vertx.getOrCreateContext()
            .runOnContext(v -> ApiContract.shared(vertx).onComplete(promise)))
        .await(60, TimeUnit.SECONDS);
  }
}
