package io.polymart.gateway;

/** Who may call a route. */
enum Access {
  /** Anyone; no identity is passed on. */
  PUBLIC,
  /** Anyone; a bearer token, when sent, must be valid and identifies the caller. */
  OPTIONAL,
  /** Any signed-in user. */
  USER,
  /** Users with the seller or admin role. */
  SELLER,
  /** Users with the admin role. */
  ADMIN
}
