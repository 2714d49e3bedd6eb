package io.polymart.users;

import io.polymart.core.auth.JwtKeys;
import io.polymart.core.bus.BusServer;
import io.polymart.core.db.Migrations;
import io.polymart.core.db.PgSettings;
import io.polymart.core.redis.RedisClients;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.RedisAPI;
import io.vertx.sqlclient.Pool;

import static io.polymart.core.bus.Addresses.*;

/** Wires the users services to their event-bus addresses. */
public final class UsersVerticle extends VerticleBase {
  public static final String SCHEMA = "users";
  private Pool pool;

  @Override
  public Future<?> start() {
    JsonObject conf = config();
    PgSettings pg = PgSettings.from(conf);
    JsonObject users = conf.getJsonObject("users");
    JsonObject admin = conf.getJsonObject("admin");
    pool = pg.pool(vertx);
    AccountRepository accounts = new AccountRepository();
    SessionRepository sessions = new SessionRepository();
    AddressRepository addressRepository = new AddressRepository();
    JsonObject rateLimit = users.getJsonObject("rateLimit");
    RedisAPI redis = RedisClients.api(vertx, conf);
    RateLimiter limiter = new RateLimiter(redis, rateLimit.getInteger("windowSeconds"));
    TokenIssuer tokens = new TokenIssuer(JwtKeys.provider(vertx, conf), conf.getJsonObject("jwt"));
    Revocations revocations = new Revocations(redis, vertx.eventBus(), tokens.accessTokenSeconds());

    return Migrations.apply(vertx, pg, SCHEMA)
        .compose(v -> PasswordHasher.create(vertx, users.getInteger("bcryptCost")))
        .compose(passwords -> {
          AuthService auth = new AuthService(pool, accounts, sessions, passwords, tokens, limiter, revocations,
              rateLimit);
          ProfileService profile = new ProfileService(pool, accounts);
          AddressService addresses = new AddressService(pool, accounts, addressRepository,
              users.getInteger("maxAddresses"));
          AdminService adminService = new AdminService(pool, accounts, sessions, passwords, revocations);
          BusServer server = new BusServer(vertx)
              .handle(USERS_REGISTER, auth::register)
              .handle(USERS_LOGIN, auth::login)
              .handle(USERS_REFRESH, auth::refresh)
              .handle(USERS_LOGOUT, auth::logout)
              .handle(USERS_LOGOUT_ALL, auth::logoutAll)
              .handle(USERS_SESSIONS_LIST, auth::listSessions)
              .handle(USERS_SESSIONS_DELETE, auth::endSession)
              .handle(USERS_ME_GET, profile::me)
              .handle(USERS_ME_UPDATE, profile::update)
              .handle(USERS_ADDRESSES_LIST, addresses::list)
              .handle(USERS_ADDRESSES_GET, addresses::get)
              .handle(USERS_ADDRESSES_CREATE, addresses::create)
              .handle(USERS_ADDRESSES_UPDATE, addresses::update)
              .handle(USERS_ADDRESSES_DELETE, addresses::delete)
              .handle(USERS_ADDRESSES_SET_DEFAULT, addresses::makeDefault)
              .handle(USERS_ADMIN_LIST, adminService::list)
              .handle(USERS_ADMIN_UPDATE, adminService::update)
              .handle(USERS_REVOCATIONS_LIST, request -> revocations.active());
          return adminService.bootstrap(admin.getString("email"), admin.getString("password"))
              .compose(v -> server.ready());
        });
  }

  @Override
  public Future<?> stop() {
    return pool == null ? Future.succeededFuture() : pool.close();
  }
}
