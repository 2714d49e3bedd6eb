package io.polymart.users;

import io.polymart.core.bus.BusHeaders;
import io.polymart.core.bus.BusRequest;
import io.polymart.core.bus.BusServer;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

import java.util.UUID;

import static io.polymart.core.bus.Addresses.*;

/** The users addresses: each request's envelope read into the typed arguments of the services. */
final class UsersBindings {
  private final AuthService auth;
  private final ProfileService profile;
  private final AddressService addresses;
  private final AdminService admin;
  private final Revocations revocations;
  private final VisitorSignIns signIns;

  UsersBindings(AuthService auth, ProfileService profile, AddressService addresses, AdminService admin,
      Revocations revocations, VisitorSignIns signIns) {
    this.auth = auth;
    this.profile = profile;
    this.addresses = addresses;
    this.admin = admin;
    this.revocations = revocations;
    this.signIns = signIns;
  }

  BusServer bind(BusServer server) {
    return server
        .handle(USERS_REGISTER, request -> auth.register(UsersInput.registration(request), UsersInput.client(request))
            .map(answer -> signIns.signedIn(answer, visitorId(request))))
        .handle(USERS_LOGIN, request -> auth.login(request.bodyString("email"), request.bodyString("password"),
            UsersInput.client(request)).map(answer -> signIns.signedIn(answer, visitorId(request))))
        .handle(USERS_REFRESH, request -> auth.refresh(request.bodyString("refreshToken"), UsersInput.client(request)))
        .handle(USERS_LOGOUT, request -> auth.logout(request.bodyString("refreshToken")))
        .handle(USERS_LOGOUT_ALL, request -> auth.logoutAll(request.userUuid()))
        .handle(USERS_SESSIONS_LIST, request -> {
          String current = request.sessionId().orElse("");
          return auth.listSessions(request.userUuid(), current);
        })
        .handle(USERS_SESSIONS_DELETE, request -> {
          UUID sessionId = request.uuidParam("id", "Session");
          return auth.endSession(request.userUuid(), sessionId);
        })
        .handle(USERS_ME_GET, request -> profile.me(request.userUuid()))
        .handle(USERS_ME_UPDATE, request -> {
          ProfileChanges changes = UsersInput.profileChanges(request);
          return profile.update(request.userUuid(), changes);
        })
        .handle(USERS_ADDRESSES_LIST, request -> addresses.list(request.userUuid()))
        .handle(USERS_ADDRESSES_GET, request -> {
          UUID userId = request.userUuid();
          return addresses.get(userId, request.uuidParam("id", "Address"));
        })
        .handle(USERS_ADDRESSES_CREATE, request -> {
          Address address = UsersInput.address(request);
          boolean wantsDefault = UsersInput.isDefault(request);
          return addresses.create(request.userUuid(), address, wantsDefault);
        })
        .handle(USERS_ADDRESSES_UPDATE, request -> {
          Address address = UsersInput.address(request);
          UUID id = request.uuidParam("id", "Address");
          boolean makeDefault = UsersInput.isDefault(request);
          return addresses.update(request.userUuid(), id, address, makeDefault);
        })
        .handle(USERS_ADDRESSES_DELETE, request -> {
          UUID id = request.uuidParam("id", "Address");
          return addresses.delete(request.userUuid(), id);
        })
        .handle(USERS_ADDRESSES_SET_DEFAULT, request -> {
          UUID id = request.uuidParam("id", "Address");
          return addresses.makeDefault(request.userUuid(), id);
        })
        .handle(USERS_ADMIN_LIST, this::adminList)
        .handle(USERS_ADMIN_UPDATE, this::adminUpdate)
        .handle(USERS_ADMIN_AUDIT, this::adminAudit)
        .handle(USERS_REVOCATIONS_LIST, request -> revocations.active());
  }

  private static String visitorId(BusRequest request) {
    return request.header(BusHeaders.VISITOR_ID).orElse(null);
  }

  private Future<JsonObject> adminList(BusRequest request) {
    request.requireRole(AdminService.ADMIN);
    int page = UsersInput.page(request);
    int size = UsersInput.size(request);
    return admin.list(request.query("q").orElse(null), page, size);
  }

  private Future<JsonObject> adminUpdate(BusRequest request) {
    request.requireRole(AdminService.ADMIN);
    UUID id = request.uuidParam("id", "User");
    AccountChanges changes = UsersInput.accountChanges(request);
    return admin.update(ActingAdmin.of(request), id, changes);
  }

  private Future<JsonObject> adminAudit(BusRequest request) {
    request.requireRole(AdminService.ADMIN);
    return admin.audit(UsersInput.auditQuery(request));
  }
}
