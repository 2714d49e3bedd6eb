package io.polymart.users;

import io.polymart.core.error.FieldErrors;
import org.junit.jupiter.api.Test;

import java.util.function.BiConsumer;

import static org.assertj.core.api.Assertions.assertThat;

/** The account rules the contract cannot state. */
class UserRulesTest {

  // The length, character and format rules of these fields are the contract's: see the gateway's UsersBodiesTest.

  @Test
  void passwordsNeedThreeKindsOfCharacters() {
    assertValid(UserRules::password, "Passw0rd", "Aa1" + "x".repeat(125));
    assertInvalid(UserRules::password, null, "password1", "PASSWORD1", "Password");
  }

  @Test
  void reservedUsernamesAreRefusedWhateverTheirCase() {
    assertValid(UserRules::username, "ab", "user_01", "张三", "さくら", "김철수", "x".repeat(20));
    assertInvalid(UserRules::username, "admin", "ADMIN", "Root", "system", "Administrator");
  }

  @Test
  void emailsAreNormalised() {
    assertThat(UserRules.normalizeEmail("  Foo.Bar@Example.COM ")).isEqualTo("foo.bar@example.com");
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
