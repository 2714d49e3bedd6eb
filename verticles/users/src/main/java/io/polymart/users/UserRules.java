package io.polymart.users;

import io.polymart.core.error.FieldErrors;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** The rules for user-supplied account and address fields. */
public final class UserRules {
  static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+$");
  static final Pattern USERNAME = Pattern.compile(
      "^[A-Za-z0-9_\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}\\p{IsHangul}]{2,20}$");
  static final Pattern PHONE = Pattern.compile("^\\+?[0-9]{6,20}$");
  static final Pattern POSTAL_CODE = Pattern.compile("^[A-Za-z0-9 -]{3,12}$");
  static final Set<String> RESERVED_USERNAMES = Set.of("admin", "root", "system", "administrator");
  static final Set<String> GENDERS = Set.of("male", "female", "other", "unspecified");
  static final Set<String> ROLES = Set.of("customer", "seller", "admin");
  static final Set<String> STATUSES = Set.of("active", "disabled");

  private UserRules() {
  }

  public static String normalizeEmail(String email) {
    return email == null ? null : email.trim().toLowerCase(Locale.ROOT);
  }

  static void email(FieldErrors errors, String email) {
    errors.check(email != null && email.length() <= 254 && EMAIL.matcher(email).matches(),
        "email", "must be a valid email address");
  }

  static void password(FieldErrors errors, String password) {
    if (password == null || password.length() < 8 || password.length() > 128) {
      errors.add("password", "must be 8 to 128 characters long");
    } else if (!password.chars().anyMatch(Character::isLowerCase)
        || !password.chars().anyMatch(Character::isUpperCase)
        || !password.chars().anyMatch(Character::isDigit)) {
      errors.add("password", "must contain a lower-case letter, an upper-case letter and a digit");
    }
  }

  static void username(FieldErrors errors, String username) {
    if (username == null || !USERNAME.matcher(username).matches()) {
      errors.add("username", "must be 2 to 20 letters, digits, underscores or CJK characters");
    } else if (RESERVED_USERNAMES.contains(username.toLowerCase(Locale.ROOT))) {
      errors.add("username", "is reserved");
    }
  }

  static void phone(FieldErrors errors, String field, String phone) {
    errors.check(phone != null && PHONE.matcher(phone).matches(), field,
        "must be 6 to 20 digits with an optional leading +");
  }

  static void text(FieldErrors errors, String field, String value, int maxLength) {
    errors.check(value != null && !value.isBlank() && value.length() <= maxLength, field,
        "must be 1 to " + maxLength + " characters");
  }

  static void gender(FieldErrors errors, String gender) {
    errors.check(GENDERS.contains(gender), "gender", "must be one of " + String.join(", ", GENDERS));
  }

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

  static void postalCode(FieldErrors errors, String postalCode) {
    errors.check(postalCode == null || POSTAL_CODE.matcher(postalCode).matches(), "postalCode",
        "must be 3 to 12 letters, digits, spaces or dashes");
  }
}
