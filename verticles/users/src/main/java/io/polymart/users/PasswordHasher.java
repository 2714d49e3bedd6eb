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
  /**
   * Checked against when the account does not exist, so unknown emails take as long as wrong passwords. Made on first
   * need rather than at start (a bcrypt hash is 0.3 s of CPU of a start that is bound by CPU): only the first sign-in
   * with an unknown email in the process's life takes a hash longer.
   */
  private Future<String> decoyHash;

  PasswordHasher(Vertx vertx, int cost) {
    this.vertx = vertx;
    this.cost = cost;
  }

  Future<String> hash(String password) {
    return vertx.executeBlocking(() -> hasher.hashToString(cost, password.toCharArray()), false);
  }

  Future<Boolean> verify(String password, String hash) {
    Future<String> against = hash != null ? Future.succeededFuture(hash) : decoyHash();
    return against.compose(stored -> vertx.executeBlocking(
        () -> verifyer.verify(password.toCharArray(), stored.toCharArray()).verified && hash != null, false));
  }

  private Future<String> decoyHash() {
    if (decoyHash == null || decoyHash.failed()) {
      decoyHash = hash("decoy-password-for-timing");
    }
    return decoyHash;
  }
}
