package io.polymart.core.events;

import java.util.regex.Pattern;

/** Collection names of the Mongo stores: {@code <prefix>_<what>}, the prefix being the verticle's name. */
final class MongoCollectionNames {

  private static final Pattern PREFIX = Pattern.compile("[a-z][a-z0-9_]*");

  private MongoCollectionNames() {}

  static String of(String prefix, String what) {
    if (prefix == null || !PREFIX.matcher(prefix).matches()) {
      throw new IllegalArgumentException("Not a plain lower-case collection prefix: " + prefix);
    }
    return prefix + "_" + what;
  }
}
