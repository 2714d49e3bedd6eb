package io.polymart.users;

import io.polymart.core.error.ServiceException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static io.polymart.core.bus.Addresses.USERS_REGISTER;
import static io.polymart.users.UsersFixture.assertFailure;
import static io.polymart.users.UsersFixture.claims;
import static io.polymart.users.UsersFixture.newEmail;
import static io.polymart.users.UsersFixture.node;
import static io.polymart.users.UsersFixture.registration;
import static io.polymart.users.UsersFixture.visitor;
import static org.assertj.core.api.Assertions.assertThat;

/** Registration's rules: the fields, the email as the account's one identity, and the session it starts. */
class RegistrationTest {
  private static ServiceException refused(JsonObject body) {
    return node().fails(USERS_REGISTER, new JsonObject(), body, visitor());
  }

  private static List<String> fields(ServiceException error) {
    return error.details().stream().map(detail -> ((JsonObject) detail).getString("field")).toList();
  }

  @Test
  void anAccountStartsSignedInAsACustomerWithItsEmailLowerCased() {
    String email = "New-" + UUID.randomUUID() + "@Shop.Example";
    JsonObject login = node().ok(USERS_REGISTER, new JsonObject(), registration("  " + email + " ")
        .put("phone", "+8613800000000"), visitor());

    JsonObject user = login.getJsonObject("user");
    assertThat(user.getString("email")).isEqualTo(email.toLowerCase());
    assertThat(user.getString("username")).isEqualTo("shopper");
    assertThat(user.getString("phone")).isEqualTo("+8613800000000");
    assertThat(user.getJsonArray("roles")).isEqualTo(new JsonArray().add("customer"));
    assertThat(user.containsKey("passwordHash")).as("no password hash in replies").isFalse();
    assertThat(login.getString("tokenType")).isEqualTo("Bearer");
    assertThat(login.getInteger("expiresIn")).isEqualTo(15 * 60);
    assertThat(login.getString("refreshToken")).isNotBlank();
    JsonObject claims = claims(login.getString("accessToken"));
    assertThat(claims.getString("sub")).isEqualTo(user.getString("id"));
    assertThat(claims.getString("sid")).isNotBlank();
    assertThat(claims.getJsonArray("roles")).isEqualTo(new JsonArray().add("customer"));
  }

  @Test
  void anEmailHasOneAccountWhateverItsCase() {
    String email = newEmail();
    node().ok(USERS_REGISTER, new JsonObject(), registration(email), visitor());
    assertFailure(refused(registration(email.toUpperCase())), 409, "EMAIL_TAKEN");
  }

  // Fields that break the contract never reach the service: see the gateway's UsersBodiesTest.

  @Test
  void aPasswordNeedsThreeKindsOfCharactersAndEveryFaultIsNamedAtOnce() {
    ServiceException error = refused(registration(newEmail()).put("password", "alllowercase1"));
    assertFailure(error, 400, "VALIDATION_FAILED");
    assertThat(fields(error)).containsExactly("password");
    assertThat(fields(refused(registration(newEmail()).put("password", "ALLUPPER1").put("username", "root"))))
        .containsExactly("password", "username");
  }

  @Test
  void reservedUsernamesAreRefusedWhateverTheirCase() {
    ServiceException error = refused(registration(newEmail()).put("username", "Admin"));
    assertFailure(error, 400, "VALIDATION_FAILED");
    assertThat(error.details())
        .containsExactly(new JsonObject().put("field", "username").put("message", "is reserved"));
  }
}
