package io.polymart.gateway;

import java.util.List;

/**
 * The caller proven by a verified access token. {@code tokenVersion} and {@code expiresAt} (epoch seconds) let a
 * long-lived connection re-check revocation and end itself when the token runs out.
 */
record Identity(String userId, String sessionId, List<String> roles, int tokenVersion, long expiresAt) {
  static final String KEY = "polymart.identity";
}
