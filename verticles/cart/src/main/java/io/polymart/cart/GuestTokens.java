package io.polymart.cart;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/** Guest cart tokens: 256 random bits, base64url without padding (43 characters). */
final class GuestTokens {
  private static final int BYTES = 32;
  private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9_-]{43}");
  private final SecureRandom random = new SecureRandom();

  String next() {
    byte[] bytes = new byte[BYTES];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  static boolean wellFormed(String token) {
    return token != null && FORMAT.matcher(token).matches();
  }
}
