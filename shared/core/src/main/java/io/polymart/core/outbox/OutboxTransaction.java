package io.polymart.core.outbox;

import io.polymart.core.audit.AuditActor;
import io.polymart.core.audit.AuditRecorded;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlConnection;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;

/**
 * One transaction run by {@link OutboxTransactions}: its connection, the events it writes to the outbox when the
 * work is done, and what to do once it has committed.
 */
public final class OutboxTransaction {

  private final SqlConnection connection;
  private final boolean oneStatement;
  private final List<OutboxEvent> toAppend = new ArrayList<>();
  private final List<OutboxEvent> written = new ArrayList<>();
  private final List<Supplier<Future<?>>> afterCommit = new ArrayList<>();
  private boolean closed;

  /** {@code oneStatement}: the change is one statement, which writes its events itself ({@link #written}). */
  OutboxTransaction(SqlConnection connection, boolean oneStatement) {
    this.connection = connection;
    this.oneStatement = oneStatement;
  }

  public SqlConnection connection() {
    return connection;
  }

  /** Writes the event in this transaction (after the work, in the order added). */
  public OutboxTransaction event(OutboxEvent event) {
    requireOpen();
    if (oneStatement) {
      throw new IllegalStateException("A change of one statement writes its events in it: see written()");
    }
    toAppend.add(event);
    return this;
  }

  /**
   * An event the work's own statement writes ({@link Outbox#addRow}), with the change it is about: published and
   * counted like those of {@link #event}, and not written again.
   */
  public OutboxTransaction written(OutboxEvent event) {
    requireOpen();
    written.add(event);
    return this;
  }

  public OutboxTransaction event(String topic, String aggregateId, String type, JsonObject data) {
    return event(new OutboxEvent(topic, aggregateId, type, data));
  }

  /**
   * Records an administrative or seller change in the audit trail ({@link AuditRecorded}), with this transaction: no
   * entry for a change that rolls back, and none lost for one that commits.
   */
  public OutboxTransaction audit(AuditActor actor, String action, String target, JsonObject oldValue,
      JsonObject newValue) {
    return event(AuditRecorded.event(actor, action, target, oldValue, newValue));
  }

  /** Runs once the transaction has committed; never when it rolls back. */
  public OutboxTransaction afterCommit(Runnable hook) {
    return afterCommitAsync(() -> {
      hook.run();
      return Future.succeededFuture();
    });
  }

  /** Runs once the transaction has committed, and the result waits for it (a cache drop, say, before the reply). */
  public OutboxTransaction afterCommitAsync(Supplier<Future<?>> hook) {
    requireOpen();
    afterCommit.add(hook);
    return this;
  }

  /** All the events this transaction commits: those the work wrote, then those the outbox appends. */
  public List<OutboxEvent> events() {
    List<OutboxEvent> all = new ArrayList<>(written);
    all.addAll(toAppend);
    return Collections.unmodifiableList(all);
  }

  List<OutboxEvent> toAppend() {
    return Collections.unmodifiableList(toAppend);
  }

  List<Supplier<Future<?>>> afterCommitHooks() {
    return afterCommit;
  }

  void close() {
    closed = true;
  }

  private void requireOpen() {
    if (closed) {
      throw new IllegalStateException("The transaction is over: add events and hooks while its work runs");
    }
  }
}
