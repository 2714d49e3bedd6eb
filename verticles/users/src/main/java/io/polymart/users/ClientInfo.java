package io.polymart.users;

/** Where a request comes from, as the gateway saw it: the client's address and its user agent (may be null). */
record ClientInfo(String ip, String userAgent) {
}
