package io.polymart.gateway;

import io.polymart.core.error.ServiceException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class BodySchemasTest {
  private final BodySchemas schemas = new BodySchemas(List.of("auth-register", "admin-user-update", "address"));

  @Test
  void aValidBodyPasses() {
    schemas.validate("auth-register", new JsonObject().put("email", "a@b.co").put("password", "Passw0rd")
        .put("username", "ann"));
  }

  @Test
  void everyFailingFieldIsNamedOnce() {
    JsonArray details = details("auth-register", new JsonObject().put("email", 42).put("extra", true));
    assertThat(fields(details)).containsExactlyInAnyOrder("email", "password", "username", "extra");
  }

  @Test
  void nestedFailuresNameTheLeafAndDeclaredPropertiesAreNotCalledExtra() {
    JsonArray details = details("admin-user-update", new JsonObject().put("roles", new JsonArray().add("emperor")));
    assertThat(fields(details)).containsExactly("roles.0");
  }

  private JsonArray details(String schema, JsonObject body) {
    ServiceException error = catchThrowableOfType(ServiceException.class, () -> schemas.validate(schema, body));
    assertThat(error.status()).isEqualTo(400);
    return error.details();
  }

  private static List<String> fields(JsonArray details) {
    return details.stream().map(d -> ((JsonObject) d).getString("field")).toList();
  }
}
