package io.polymart.users;

import at.favre.lib.crypto.bcrypt.BCrypt;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategies;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

/**
 * bcrypt on worker threads, never on the event loop. Passwords longer than bcrypt's 72 bytes are
 * pre-hashed with SHA-512 instead of being silently cut.
 */
final class PasswordHasher {
  private static final BCrypt.Version VERSION = BCrypt.Version.VERSION_2B;
  private final Vertx vertx;
  private final int cost;
  private final BCrypt.Hasher hasher = BCrypt.with(VERSION, LongPasswordStrategies.hashSha512(VERSION));
  private final BCrypt.Verifyer verifyer = BCrypt.verifyer(VERSION, LongPasswordStrategies.hashSha512(VERSION));
  /** Checked against when the account does not exist, so unknown emails take as long as wrong passwords. */
  private final String decoyHash;

  private PasswordHasher(Vertx vertx, int cost, String decoyHash) {
    this.vertx = vertx;
    this.cost = cost;
    this.decoyHash = decoyHash;
  }

  static Future<PasswordHasher> create(Vertx vertx, int cost) {
    return vertx.executeBlocking(() -> BCrypt.with(VERSION, LongPasswordStrategies.hashSha512(VERSION))
            .hashToString(cost, "decoy-password-for-timing".toCharArray()), false)
        .map(decoy -> new PasswordHasher(vertx, cost, decoy));
  }

  Future<String> hash(String password) {
    return vertx.executeBlocking(() -> hasher.hashToString(cost, password.toCharArray()), false);
  }

  Future<Boolean> verify(String password, String hash) {
    String against = hash == null ? decoyHash : hash;
    return vertx.executeBlocking(
        () -> verifyer.verify(password.toCharArray(), against.toCharArray()).verified && hash != null, false);
  }
}
