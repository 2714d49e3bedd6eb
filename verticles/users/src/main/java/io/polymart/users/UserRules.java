package io.polymart.users;

import io.polymart.core.error.FieldErrors;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Set;

/**
 * The rules for account fields that the contract cannot state: the reserved usernames, a password's kinds of
 * characters, a real birthday in range, and the email's normal form. Shapes, lengths and patterns are the
 * contract's ({@code schemas/json/}), checked by the gateway before a request is forwarded.
 */
public final class UserRules {
  static final Set<String> RESERVED_USERNAMES = Set.of("admin", "root", "system", "administrator");

  private UserRules() {
  }

  public static String normalizeEmail(String email) {
    return email == null ? null : email.trim().toLowerCase(Locale.ROOT);
  }

  /**
   * A lower-case letter, an upper-case letter and a digit, in Java's Unicode sense ({@link Character#isLowerCase}
   * and so on), which a portable schema pattern cannot say plainly; the length is the contract's.
   */
  static void password(FieldErrors errors, String password) {
    errors.check(password != null && password.chars().anyMatch(Character::isLowerCase)
            && password.chars().anyMatch(Character::isUpperCase) && password.chars().anyMatch(Character::isDigit),
        "password", "must contain a lower-case letter, an upper-case letter and a digit");
  }

  /** Not one of the reserved names, whatever its case; the characters and length are the contract's. */
  static void username(FieldErrors errors, String username) {
    errors.check(!RESERVED_USERNAMES.contains(username.toLowerCase(Locale.ROOT)), "username", "is reserved");
  }

  /** A real date (the contract only knows its shape) from 1900-01-01 to today. */
  static LocalDate birthday(FieldErrors errors, String birthday) {
    try {
      LocalDate date = LocalDate.parse(birthday);
      if (date.isBefore(LocalDate.of(1900, 1, 1)) || date.isAfter(LocalDate.now())) {
        errors.add("birthday", "must be between 1900-01-01 and today");
        return null;
      }
      return date;
    } catch (DateTimeParseException | NullPointerException e) {
      errors.add("birthday", "must be a date in the form YYYY-MM-DD");
      return null;
    }
  }
}
