package io.polymart.users;

import io.polymart.core.error.FieldErrors;
import org.junit.jupiter.api.Test;

import java.util.function.BiConsumer;

import static org.assertj.core.api.Assertions.assertThat;

class UserRulesTest {

  @Test
  void passwordsNeedLengthAndThreeKindsOfCharacters() {
    assertValid(UserRules::password, "Passw0rd", "Aa1" + "x".repeat(125));
    assertInvalid(UserRules::password, null, "Pass0rd", "password1", "PASSWORD1", "Password", "Aa1" + "x".repeat(126));
  }

  @Test
  void usernamesAllowLettersDigitsUnderscoreAndCjkButNotReservedNames() {
    assertValid(UserRules::username, "ab", "user_01", "张三", "さくら", "김철수", "x".repeat(20));
    assertInvalid(UserRules::username, null, "a", "x".repeat(21), "has space", "dash-name", "admin", "ADMIN", "Root",
        "system", "Administrator", "emoji😀");
  }

  @Test
  void emailsAreNormalisedAndChecked() {
    assertThat(UserRules.normalizeEmail("  Foo.Bar@Example.COM ")).isEqualTo("foo.bar@example.com");
    assertValid(UserRules::email, "a@b.co", "o'brien@example.com");
    assertInvalid(UserRules::email, null, "no-at-sign", "a@b", "two@@example.com", "sp ace@example.com");
  }

  @Test
  void phonesAreDigitsWithAnOptionalPlus() {
    BiConsumer<FieldErrors, String> phone = (errors, value) -> UserRules.phone(errors, "phone", value);
    assertValid(phone, "123456", "+8613800138000", "1".repeat(20));
    assertInvalid(phone, "12345", "1".repeat(21), "++123456", "123-456-789", "１２３４５６");
  }

  private static void assertValid(BiConsumer<FieldErrors, String> rule, String... values) {
    for (String value : values) {
      FieldErrors errors = new FieldErrors();
      rule.accept(errors, value);
      assertThat(errors.isEmpty()).as(value).isTrue();
    }
  }

  private static void assertInvalid(BiConsumer<FieldErrors, String> rule, String... values) {
    for (String value : values) {
      FieldErrors errors = new FieldErrors();
      rule.accept(errors, value);
      assertThat(errors.isEmpty()).as(String.valueOf(value)).isFalse();
    }
  }
}
