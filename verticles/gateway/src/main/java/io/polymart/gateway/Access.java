package io.polymart.gateway;

/** Who may call a route. */
enum Access { PUBLIC, USER, ADMIN }
