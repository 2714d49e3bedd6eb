package io.polymart.gateway;

import io.polymart.core.error.ServiceException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The request bodies of the auth, profile, address and admin-user operations, as the contract describes them: these
 * rules live only in {@code schemas/json/}; the users service keeps the ones a schema cannot state.
 */
class UsersBodiesTest {
  private final RequestValidation schemas = new RequestValidation(TestContract.get());

  private static JsonObject registration() {
    return new JsonObject().put("email", "shopper@shop.example").put("password", "Secret123").put("username", "shopper");
  }

  @Test
  void everyFaultyRegistrationFieldIsNamedAtOnce() {
    schemas.validateBody("register", registration().put("phone", "+8613800000000"));
    assertThat(failingFields("register", new JsonObject().put("email", "not-an-email").put("password", "short")
        .put("username", "x").put("phone", "12"))).containsExactly("email", "password", "username", "phone");
    assertThat(failingFields("register", registration().put("email", 42))).containsExactly("email");
  }

  @Test
  void passwordsAre8To128Characters() {
    schemas.validateBody("register", registration().put("password", "Passw0rd"));
    schemas.validateBody("register", registration().put("password", "Aa1" + "x".repeat(125)));
    for (String password : List.of("Pass0rd", "Aa1" + "x".repeat(126))) {
      assertThat(failingFields("register", registration().put("password", password))).as(password)
          .containsExactly("password");
    }
    JsonObject withoutPassword = registration();
    withoutPassword.remove("password");
    assertThat(failingFields("register", withoutPassword)).containsExactly("password");
  }

  @Test
  void usernamesAreLettersDigitsUnderscoreOrCjk() {
    for (String username : List.of("ab", "user_01", "张三", "さくら", "김철수", "x".repeat(20), "admin")) {
      schemas.validateBody("register", registration().put("username", username));
      schemas.validateBody("updateMe", new JsonObject().put("username", username));
    }
    for (String username : List.of("a", "x".repeat(21), "has space", "dash-name", "emoji😀")) {
      assertThat(failingFields("register", registration().put("username", username))).as(username)
          .containsExactly("username");
      assertThat(failingFields("updateMe", new JsonObject().put("username", username))).as(username)
          .containsExactly("username");
    }
    JsonObject withoutUsername = registration();
    withoutUsername.remove("username");
    assertThat(failingFields("register", withoutUsername)).containsExactly("username");
    assertThat(failingFields("updateMe", new JsonObject().putNull("username"))).containsExactly("username");
  }

  @Test
  void emailsLookLikeLocalAtDomainWithBlanksAroundAllowed() {
    for (String email : List.of("a@b.co", "o'brien@example.com", "  Mixed.Case@Example.COM ", "x".repeat(64) + "@b.co")) {
      schemas.validateBody("register", registration().put("email", email));
    }
    for (String email : List.of("no-at-sign", "a@b", "two@@example.com", "sp ace@example.com", "x".repeat(65) + "@b.co",
        "a@b.\u0001")) {
      assertThat(failingFields("register", registration().put("email", email))).as(email).containsExactly("email");
    }
    JsonObject withoutEmail = registration();
    withoutEmail.remove("email");
    assertThat(failingFields("register", withoutEmail)).containsExactly("email");
  }

  @Test
  void phonesAreDigitsWithAnOptionalPlus() {
    for (String phone : List.of("123456", "+8613800138000", "1".repeat(20))) {
      schemas.validateBody("register", registration().put("phone", phone));
      schemas.validateBody("updateMe", new JsonObject().put("phone", phone));
    }
    for (String phone : List.of("12345", "1".repeat(21), "++123456", "123-456-789", "１２３４５６")) {
      assertThat(failingFields("register", registration().put("phone", phone))).as(phone).containsExactly("phone");
      assertThat(failingFields("updateMe", new JsonObject().put("phone", phone))).as(phone).containsExactly("phone");
    }
  }

  @Test
  void profileFieldsHaveTheirShapesAndOptionalOnesClear() {
    schemas.validateBody("updateMe", new JsonObject());
    schemas.validateBody("updateMe", new JsonObject().put("nickname", "Shopper").put("gender", "female")
        .put("birthday", "1990-05-17"));
    schemas.validateBody("updateMe", new JsonObject().putNull("phone").putNull("nickname").putNull("gender")
        .putNull("birthday"));
    assertThat(failingFields("updateMe", new JsonObject().put("nickname", "x".repeat(31)).put("gender", "robot")
        .put("birthday", "17.05.1990"))).containsExactlyInAnyOrder("nickname", "gender", "birthday");
    for (String blank : List.of("", "   ", "\u2003", "\t\u001C")) {
      assertThat(failingFields("updateMe", new JsonObject().put("nickname", blank))).as(blank)
          .containsExactly("nickname");
    }
  }

  private static JsonObject address(String receiver) {
    return new JsonObject().put("receiver", receiver).put("phone", "13800000000").put("province", "Zhejiang")
        .put("city", "Hangzhou").put("district", "Xihu").put("detail", "1 Lake Road").put("postalCode", "310000");
  }

  @Test
  void everyFaultyAddressFieldIsNamedAndNothingIsForwarded() {
    for (String operationId : List.of("createMyAddress", "replaceMyAddress")) {
      schemas.validateBody(operationId, address("Home").put("isDefault", true));
      schemas.validateBody(operationId, address("Home").putNull("postalCode"));
      assertThat(failingFields(operationId, address("").put("phone", "12").put("postalCode", "!")))
          .containsExactly("receiver", "phone", "postalCode");
      assertThat(failingFields(operationId, address("x".repeat(51)).put("detail", "x".repeat(201))))
          .containsExactlyInAnyOrder("receiver", "detail");
      for (String blank : List.of("   ", "\u2003", "\t\u001C")) {
        assertThat(failingFields(operationId, address(blank).put("city", blank))).as(blank)
            .containsExactlyInAnyOrder("receiver", "city");
      }
      JsonObject withoutDistrict = address("Home");
      withoutDistrict.remove("district");
      assertThat(failingFields(operationId, withoutDistrict)).containsExactly("district");
    }
  }

  @Test
  void anAdminChangesAStatusOrRolesOfTheKnownKinds() {
    schemas.validateBody("adminUpdateUser", new JsonObject().put("status", "disabled"));
    schemas.validateBody("adminUpdateUser", new JsonObject().put("status", "active")
        .put("roles", new JsonArray().add("customer").add("seller").add("admin")));
    assertThat(failingFields("adminUpdateUser", new JsonObject().put("status", "banned"))).containsExactly("status");
    assertThat(failingFields("adminUpdateUser", new JsonObject().putNull("status"))).containsExactly("status");
    for (Object roles : List.of(new JsonArray(), "admin", new JsonArray().add("admin").add("admin"))) {
      assertThat(failingFields("adminUpdateUser", new JsonObject().put("roles", roles))).as(String.valueOf(roles))
          .containsExactly("roles");
    }
    for (Object role : List.of("emperor", 1)) {
      assertThat(failingFields("adminUpdateUser", new JsonObject().put("roles", new JsonArray().add(role))))
          .as(String.valueOf(role)).containsExactly("roles.0");
    }
    assertThat(failingFields("adminUpdateUser", new JsonObject())).hasSize(1);
  }

  private List<String> failingFields(String operationId, JsonObject body) {
    ServiceException error = catchThrowableOfType(ServiceException.class, () -> schemas.validateBody(operationId, body));
    assertThat(error).as("%s should fail for %s", operationId, body).isNotNull();
    assertThat(error.code()).isEqualTo("VALIDATION_FAILED");
    assertThat(error.status()).isEqualTo(400);
    return error.details().stream().map(d -> ((JsonObject) d).getString("field")).toList();
  }
}
