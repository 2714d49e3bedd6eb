package io.polymart.users;

import java.util.Map;

/**
 * The profile fields a request sets, by name ({@code username}, {@code phone}, {@code nickname}, {@code gender},
 * {@code birthday}): a field present with a null value clears it, an absent one stays as it is.
 */
record ProfileChanges(Map<String, String> fields) {
  boolean has(String field) {
    return fields.containsKey(field);
  }

  String value(String field) {
    return fields.get(field);
  }

  boolean isEmpty() {
    return fields.isEmpty();
  }
}
