package io.polymart.gateway;

import io.vertx.core.http.HttpMethod;

import java.util.List;

import static io.polymart.core.bus.Addresses.*;
import static io.vertx.core.http.HttpMethod.*;

/** The HTTP API under {@code /api/v1}: every route, its event-bus address, access and body schema. */
final class ApiRoutes {
  static final String PREFIX = "/api/v1";

  private ApiRoutes() {
  }

  static List<RouteSpec> all() {
    return List.of(
        route(POST, "/auth/register", USERS_REGISTER, Access.PUBLIC, "auth-register", 201),
        route(POST, "/auth/login", USERS_LOGIN, Access.PUBLIC, "auth-login", 200),
        route(POST, "/auth/refresh", USERS_REFRESH, Access.PUBLIC, "auth-refresh-token", 200),
        route(POST, "/auth/logout", USERS_LOGOUT, Access.PUBLIC, "auth-refresh-token", 204),
        route(POST, "/auth/logout-all", USERS_LOGOUT_ALL, Access.USER, null, 204),
        route(GET, "/me", USERS_ME_GET, Access.USER, null, 200),
        route(PATCH, "/me", USERS_ME_UPDATE, Access.USER, "me-update", 200),
        route(GET, "/me/sessions", USERS_SESSIONS_LIST, Access.USER, null, 200),
        route(DELETE, "/me/sessions/:id", USERS_SESSIONS_DELETE, Access.USER, null, 204),
        route(GET, "/me/addresses", USERS_ADDRESSES_LIST, Access.USER, null, 200),
        route(POST, "/me/addresses", USERS_ADDRESSES_CREATE, Access.USER, "address", 201),
        route(PUT, "/me/addresses/:id", USERS_ADDRESSES_UPDATE, Access.USER, "address", 200),
        route(DELETE, "/me/addresses/:id", USERS_ADDRESSES_DELETE, Access.USER, null, 204),
        route(POST, "/me/addresses/:id/default", USERS_ADDRESSES_SET_DEFAULT, Access.USER, null, 200),
        route(GET, "/admin/users", USERS_ADMIN_LIST, Access.ADMIN, null, 200),
        route(PATCH, "/admin/users/:id", USERS_ADMIN_UPDATE, Access.ADMIN, "admin-user-update", 200));
  }

  private static RouteSpec route(HttpMethod method, String path, String address, Access access, String schema,
      int status) {
    return new RouteSpec(method, PREFIX + path, address, access, schema, status);
  }
}
