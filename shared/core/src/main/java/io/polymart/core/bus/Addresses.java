package io.polymart.core.bus;

/** Event-bus addresses: {@code <verticle>.<action>}. The contract between verticles lives here. */
public final class Addresses {
  public static final String PLATFORM_READY = "platform.ready";

  public static final String USERS_REGISTER = "users.register";
  public static final String USERS_LOGIN = "users.login";
  public static final String USERS_REFRESH = "users.refresh";
  public static final String USERS_LOGOUT = "users.logout";
  public static final String USERS_LOGOUT_ALL = "users.logout-all";
  public static final String USERS_SESSIONS_LIST = "users.sessions.list";
  public static final String USERS_SESSIONS_DELETE = "users.sessions.delete";
  public static final String USERS_ME_GET = "users.me.get";
  public static final String USERS_ME_UPDATE = "users.me.update";
  public static final String USERS_ADDRESSES_LIST = "users.addresses.list";
  public static final String USERS_ADDRESSES_CREATE = "users.addresses.create";
  public static final String USERS_ADDRESSES_UPDATE = "users.addresses.update";
  public static final String USERS_ADDRESSES_DELETE = "users.addresses.delete";
  public static final String USERS_ADDRESSES_SET_DEFAULT = "users.addresses.set-default";
  public static final String USERS_ADMIN_LIST = "users.admin.list";
  public static final String USERS_ADMIN_UPDATE = "users.admin.update";
  /** Published: an access-token revocation, {@code {sessionId, expiresAt}} or {@code {userId, minVersion, expiresAt}}. */
  public static final String USERS_REVOCATIONS = "users.revocations";
  /** Request: every revocation still in force, {@code {items: [...]}}. */
  public static final String USERS_REVOCATIONS_LIST = "users.revocations.list";

  private Addresses() {
  }
}
