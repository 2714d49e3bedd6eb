package io.polymart.gateway;

import java.util.List;

/** The caller proven by a verified access token. */
record Identity(String userId, String sessionId, List<String> roles) {
  static final String KEY = "polymart.identity";
}
