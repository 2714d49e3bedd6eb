package io.polymart.users;

import io.polymart.core.ratelimit.RateLimiter;
import io.polymart.core.auth.JwtKeys;
import io.polymart.core.bus.BusServer;
import io.polymart.core.db.Migrations;
import io.polymart.core.db.PgSettings;
import io.polymart.core.audit.AuditRecorded;
import io.polymart.core.events.ActivityPublisher;
import io.polymart.core.events.EventConsumer;
import io.polymart.core.events.EventConsumerSettings;
import io.polymart.core.events.ProcessedEvents;
import io.polymart.core.metrics.Meters;
import io.polymart.core.redis.RedisClients;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.RedisAPI;
import io.vertx.sqlclient.Pool;

/** Wires the users services to their event-bus addresses. */
public final class UsersVerticle extends VerticleBase {
  public static final String SCHEMA = "users";
  private Pool pool;
  private ActivityPublisher activity;
  private EventConsumer auditEvents;

  @Override
  public Future<?> start() {
    JsonObject conf = config();
    UsersSettings settings = UsersSettings.from(conf);
    PgSettings pg = PgSettings.from(conf);
    pool = pg.pool(vertx, SCHEMA);
    AccountRepository accounts = new AccountRepository();
    SessionRepository sessions = new SessionRepository();
    AddressRepository addressRepository = new AddressRepository();
    RedisAPI redis = RedisClients.api(vertx, conf, SCHEMA);
    RateLimiter limiter = new RateLimiter(redis, "users:", settings.rateLimit().windowSeconds());
    TokenIssuer tokens = new TokenIssuer(JwtKeys.provider(vertx, conf), conf.getJsonObject("jwt"));
    Revocations revocations = new Revocations(pool, vertx.eventBus(), tokens.accessTokenSeconds());
    activity = ActivityPublisher.acquire(vertx, settings.kafkaBootstrapServers());
    AuditLog auditLog = new AuditLog();
    // the other verticles' administrative and seller changes, written to their outboxes with the change
    auditEvents = new EventConsumer(vertx, EventConsumerSettings.of(settings.kafkaBootstrapServers(), AuditEvents.GROUP,
        AuditRecorded.TOPIC), new AuditEvents(pool, auditLog), ProcessedEvents.NONE, new ParkedEventsTable(pool),
        Meters.registry(conf));
    VisitorSignIns signIns = new VisitorSignIns(activity);

    PasswordHasher passwords = new PasswordHasher(vertx, settings.bcryptCost());
    return Migrations.apply(vertx, pg, SCHEMA)
        .compose(migrated -> {
          AuthService auth = new AuthService(pool, accounts, sessions, passwords, tokens, limiter, revocations,
              settings.rateLimit(), new AuthMeters(Meters.registry(conf)));
          ProfileService profile = new ProfileService(pool, accounts);
          AddressService addresses = new AddressService(pool, accounts, addressRepository, settings.maxAddresses());
          AdminService admin = new AdminService(pool, accounts, sessions, passwords, revocations,
              auditLog);
          BusServer server = new UsersBindings(auth, profile, addresses, admin, revocations, signIns)
              .bind(new BusServer(vertx, Meters.registry(conf)));
          return admin.bootstrap(settings.adminEmail(), settings.adminPassword())
              .compose(v -> server.ready())
              .compose(v -> auditEvents.start());
        });
  }

  @Override
  public Future<?> stop() {
    Future<Void> consumerClosed = auditEvents == null ? Future.succeededFuture() : auditEvents.close();
    Future<Void> activityClosed = consumerClosed.transform(v -> activity == null ? Future.succeededFuture()
        : activity.release());
    return activityClosed.transform(v -> pool == null ? Future.succeededFuture() : pool.close());
  }
}
