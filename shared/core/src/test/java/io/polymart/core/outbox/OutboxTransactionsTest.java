package io.polymart.core.outbox;

import static io.polymart.core.outbox.OutboxBackends.await;
import static io.polymart.core.outbox.OutboxBackends.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OutboxTransactionsTest {

  private static final String TOPIC = "polymart.tx-test";
  private final Pool pool = OutboxBackends.pool();
  private final AtomicInteger nudges = new AtomicInteger();
  private final List<String> seen = new CopyOnWriteArrayList<>();
  private String outboxTable;
  private String itemsTable;
  private OutboxTransactions transactions;

  @BeforeEach
  void freshTables() {
    outboxTable = OutboxBackends.createTable("tx_outbox");
    itemsTable = "outbox_test.tx_items";
    await(pool.query("DROP TABLE IF EXISTS " + itemsTable + "; CREATE TABLE " + itemsTable
        + " (id TEXT PRIMARY KEY)").execute());
    transactions = new OutboxTransactions(pool, new Outbox(outboxTable), nudges::incrementAndGet);
  }

  @Test
  void theChangeAndItsEventsCommitTogetherAndTheHooksRunAfterTheCommitInOrder() {
    String result = await(transactions.run(tx -> insertItem(tx, "a").map(v -> {
      tx.event(TOPIC, "a", "ItemAdded", new JsonObject().put("id", "a"));
      tx.event(new OutboxEvent(TOPIC, "a", "ItemPriced", new JsonObject().put("price", "1.00")));
      // each hook looks from another connection: it only sees the row and the events once committed
      tx.afterCommitAsync(() -> committedState().map(state -> seen.add("async " + state)));
      tx.afterCommit(() -> seen.add("sync"));
      assertThat(seen).isEmpty();
      return "done";
    })));

    assertThat(result).isEqualTo("done");
    assertThat(seen).containsExactly("async items=1 events=2", "sync");
    assertThat(nudges).hasValue(1);
    List<Row> events = new ArrayList<>();
    await(pool.query("SELECT * FROM " + outboxTable + " ORDER BY id").execute()).forEach(events::add);
    assertThat(events).extracting(row -> row.getString("event_type")).containsExactly("ItemAdded", "ItemPriced");
    assertThat(events).extracting(row -> row.getString("topic")).containsOnly(TOPIC);
    assertThat(events).extracting(row -> row.getString("aggregate_id")).containsOnly("a");
    JsonObject payload = (JsonObject) events.get(0).getValue("payload");
    assertThat(payload.getString("type")).isEqualTo("ItemAdded");
    assertThat(payload.getJsonObject("data")).isEqualTo(new JsonObject().put("id", "a"));
  }

  @Test
  void aFailedWorkWritesNothingAndRunsNoHook() {
    assertThatThrownBy(() -> await(transactions.run(tx -> insertItem(tx, "b").compose(v -> {
      tx.event(TOPIC, "b", "ItemAdded", new JsonObject());
      tx.afterCommit(() -> seen.add("sync"));
      tx.afterCommitAsync(() -> {
        seen.add("async");
        return Future.succeededFuture();
      });
      return Future.failedFuture(new IllegalStateException("out of stock"));
    })))).hasMessageContaining("out of stock");

    assertThatThrownBy(() -> await(transactions.run(tx -> {
      tx.afterCommit(() -> seen.add("thrown"));
      throw new IllegalArgumentException("bad input");
    }))).hasMessageContaining("bad input");

    assertRolledBackLeaving(0);
  }

  @Test
  void aFailingStatementRollsBackTheEventsTooAndRunsNoHook() {
    await(transactions.run(tx -> insertItem(tx, "c")));
    // the duplicate key fails the work's statement: the whole transaction, events included, rolls back
    assertThatThrownBy(() -> await(transactions.run(tx -> {
      tx.event(TOPIC, "c", "ItemAdded", new JsonObject());
      tx.afterCommit(() -> seen.add("sync"));
      return insertItem(tx, "d").compose(v -> insertItem(tx, "c"));
    }))).hasMessageContaining("duplicate key");

    assertRolledBackLeaving(1);
  }

  @Test
  void aFailingHookIsLoggedButTheCommittedResultStandsAndLaterHooksRun() {
    Integer result = await(transactions.run(tx -> insertItem(tx, "e").map(v -> {
      tx.afterCommitAsync(() -> Future.failedFuture("cache down"));
      tx.afterCommit(() -> {
        throw new IllegalStateException("listener gone");
      });
      tx.afterCommit(() -> seen.add("last"));
      return 42;
    })));

    assertThat(result).isEqualTo(42);
    assertThat(seen).containsExactly("last");
    assertThat(rows(itemsTable)).isEqualTo(1);
    assertThat(nudges).as("no events, so the relay is left alone").hasValue(0);
  }

  @Test
  void eventsAndHooksCannotBeAddedOnceTheWorkIsDone() {
    OutboxTransaction[] kept = new OutboxTransaction[1];
    await(transactions.run(tx -> {
      kept[0] = tx;
      return Future.succeededFuture();
    }));
    assertThatThrownBy(() -> kept[0].event(TOPIC, "f", "Late", new JsonObject()))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> kept[0].afterCommit(() -> seen.add("late"))).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aChangeOfOneStatementWritesItsEventsInItAndRunsTheHooksOnceItHasCommitted() {
    String result = await(transactions.runStatement(tx -> {
      OutboxEvent added = new OutboxEvent(TOPIC, "g", "ItemAdded", new JsonObject().put("id", "g"));
      tx.written(added);
      tx.afterCommitAsync(() -> committedState().map(state -> seen.add("async " + state)));
      return insertItemWithEvent(tx, "g", added).map("done");
    }));

    assertThat(result).isEqualTo("done");
    assertThat(seen).containsExactly("async items=1 events=1");
    assertThat(nudges).hasValue(1);
    Row event = await(pool.query("SELECT * FROM " + outboxTable).execute()).iterator().next();
    assertThat(event.getString("event_type")).isEqualTo("ItemAdded");
    assertThat(event.getString("aggregate_id")).isEqualTo("g");
    JsonObject payload = (JsonObject) event.getValue("payload");
    assertThat(payload.getString("id")).isEqualTo(event.getUUID("event_id").toString());
    assertThat(payload.getJsonObject("data")).isEqualTo(new JsonObject().put("id", "g"));
  }

  @Test
  void aFailingChangeOfOneStatementWritesNeitherItNorItsEventsAndRunsNoHook() {
    await(transactions.run(tx -> insertItem(tx, "h")));
    assertThatThrownBy(() -> await(transactions.runStatement(tx -> {
      OutboxEvent added = new OutboxEvent(TOPIC, "h", "ItemAdded", new JsonObject());
      tx.written(added);
      tx.afterCommit(() -> seen.add("sync"));
      return insertItemWithEvent(tx, "h", added);
    }))).hasMessageContaining("duplicate key");

    assertRolledBackLeaving(1);
  }

  @Test
  void aChangeOfOneStatementCannotLeaveAnEventForTheOutboxToWriteAfterIt() {
    assertThatThrownBy(() -> await(transactions.runStatement(tx -> {
      tx.afterCommit(() -> seen.add("sync"));
      return insertItem(tx, "i").map(v -> tx.event(TOPIC, "i", "ItemAdded", new JsonObject()));
    }))).isInstanceOf(IllegalStateException.class);
    assertThat(seen).isEmpty();
    assertThat(nudges).hasValue(0);
  }

  /** The item and its event in one statement, as a change run by {@code runStatement} writes them. */
  private Future<Void> insertItemWithEvent(OutboxTransaction tx, String id, OutboxEvent event) {
    return tx.connection().preparedQuery("WITH item AS (INSERT INTO " + itemsTable + " (id) VALUES ($1)) INSERT INTO "
            + outboxTable + " (" + Outbox.COLUMNS + ") VALUES ($2, $3, $4, $5, $6, $7)")
        .execute(Outbox.addRow(Tuple.of(id), event))
        .mapEmpty();
  }

  /** What failed changes leave: the {@code items} committed before them, no event, no hook run, no nudge. */
  private void assertRolledBackLeaving(int items) {
    assertThat(rows(itemsTable)).isEqualTo(items);
    assertThat(rows(outboxTable)).isZero();
    assertThat(seen).isEmpty();
    assertThat(nudges).hasValue(0);
  }

  private Future<Void> insertItem(OutboxTransaction tx, String id) {
    return tx.connection().preparedQuery("INSERT INTO " + itemsTable + " (id) VALUES ($1)").execute(Tuple.of(id))
        .mapEmpty();
  }

  private Future<String> committedState() {
    return pool.query("SELECT (SELECT count(*) FROM " + itemsTable + ") AS items, (SELECT count(*) FROM "
            + outboxTable + ") AS events").execute()
        .map(rows -> {
          Row row = rows.iterator().next();
          return "items=" + row.getLong("items") + " events=" + row.getLong("events");
        });
  }
}
