package io.polymart.catalog.change;

import io.polymart.core.audit.AuditActor;
import io.polymart.core.outbox.Outbox;
import io.polymart.core.outbox.OutboxEvent;
import io.polymart.core.outbox.OutboxTransaction;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlConnection;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * One catalog transaction: its connection, the products it touched and the events it raises. The events are written
 * once the work is done; product-level ones ({@link #SNAPSHOT_TYPES}) then carry the product's {@code snapshot} as
 * the transaction leaves it.
 */
public final class Change {
  public static final String TOPIC = "polymart.catalog";
  static final Set<String> SNAPSHOT_TYPES = Set.of("ProductCreated", "ProductUpdated", "ProductPublished",
      "ProductUnpublished", "ProductDeleted");
  private final OutboxTransaction tx;
  private final boolean oneStatement;
  private final Set<UUID> touched = new LinkedHashSet<>();
  private final List<PendingEvent> events = new ArrayList<>();

  private record PendingEvent(UUID productId, String type, JsonObject data) {
  }

  /** {@code oneStatement}: the change is one statement that writes its events itself ({@link #written}). */
  Change(OutboxTransaction tx, boolean oneStatement) {
    this.tx = tx;
    this.oneStatement = oneStatement;
  }

  public SqlConnection connection() {
    return tx.connection();
  }

  /** The product's cached detail must go once this commits. */
  public Change touch(UUID productId) {
    touched.add(productId);
    return this;
  }

  /** An event keyed by product id (so each product's events stay in order), written with this transaction. */
  public Change event(UUID productId, String type, JsonObject data) {
    if (oneStatement) {
      throw new IllegalStateException("A change of one statement writes its events in it: see written()");
    }
    touch(productId);
    events.add(new PendingEvent(productId, type, data));
    return this;
  }

  /**
   * The outbox payload of an event about a product that the change's own statement completes and writes (see
   * {@link CatalogTransactions#inOneStatement}): the statement sets the product's id ({@code aggregateId}, and the
   * row's {@code aggregate_id}) and fills in the data's fields left null. The row's {@code topic} is
   * {@link #TOPIC}.
   */
  public static JsonObject payload(String type, JsonObject data) {
    return Outbox.payload(new OutboxEvent(TOPIC, "", type, data));
  }

  /**
   * An event about {@code productId} that the change's own statement wrote, from {@link #payload}: the product's
   * cached detail goes once the change commits, and the event is counted and published like the others.
   */
  public Change written(UUID productId, String type) {
    touch(productId);
    // its data is the statement's: here it is counted and announced to the relay, by topic and type
    tx.written(new OutboxEvent(TOPIC, productId.toString(), type, new JsonObject()));
    return this;
  }

  /**
   * Records a seller's or admin's change in the audit trail, with this transaction; {@code actor} null is the
   * platform's own change (the demo catalog), which is not audited.
   */
  public Change audit(AuditActor actor, String action, String target, JsonObject oldValue, JsonObject newValue) {
    if (actor != null) {
      tx.audit(actor, action, target, oldValue, newValue);
    }
    return this;
  }

  /**
   * As {@link #audit}, with only the fields of {@code after} whose value differs in {@code before}; nothing at all
   * when none does (an update to the same values changes nothing).
   */
  public Change auditUpdate(AuditActor actor, String action, String target, JsonObject before, JsonObject after) {
    JsonObject oldValue = new JsonObject();
    JsonObject newValue = new JsonObject();
    after.forEach(field -> {
      if (!Objects.equals(before.getValue(field.getKey()), field.getValue())) {
        oldValue.put(field.getKey(), before.getValue(field.getKey()));
        newValue.put(field.getKey(), field.getValue());
      }
    });
    return newValue.isEmpty() ? this : audit(actor, action, target, oldValue, newValue);
  }

  Set<UUID> touched() {
    return touched;
  }

  /** Hands the events, in the order raised, to the outbox transaction, with the snapshots they need. */
  Future<Void> writeEvents(ProductSnapshots snapshots) {
    Set<UUID> needSnapshot = new LinkedHashSet<>();
    for (PendingEvent e : events) {
      if (SNAPSHOT_TYPES.contains(e.type())) {
        needSnapshot.add(e.productId());
      }
    }
    Future<Map<UUID, JsonObject>> read = needSnapshot.isEmpty() ? Future.succeededFuture(Map.of())
        : snapshots.read(tx.connection(), needSnapshot);
    return read.map(found -> {
      for (PendingEvent e : events) {
        JsonObject data = e.data();
        if (SNAPSHOT_TYPES.contains(e.type())) {
          JsonObject snapshot = found.get(e.productId());
          if (snapshot == null) {
            throw new IllegalStateException("No product " + e.productId() + " to describe in " + e.type());
          }
          data = data.copy().put("snapshot", snapshot.copy());
        }
        tx.event(TOPIC, e.productId().toString(), e.type(), data);
      }
      events.clear();
      return null;
    });
  }
}
