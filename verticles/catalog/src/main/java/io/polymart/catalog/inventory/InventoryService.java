package io.polymart.catalog.inventory;

import io.polymart.catalog.change.CatalogTransactions;
import io.polymart.catalog.change.Change;
import io.polymart.catalog.inventory.InventoryRepository.Level;
import io.polymart.catalog.inventory.InventoryRepository.Movement;
import io.polymart.core.error.FieldErrors;
import io.polymart.core.error.ServiceException;
import io.polymart.core.sweep.Sweeper;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;


/**
 * The stock contract orders rely on: reserve all lines or none, then confirm (sold) or release, and restore what a
 * confirmed reservation sold. Each step is one transaction over inventory rows locked in SKU order (a reservation
 * whose every line can be reserved, one statement), and each is idempotent by reservation id.
 */
public final class InventoryService {
  public static final int SWEEP_BATCH = 100;
  private final CatalogTransactions writer;
  private final ReservationRepository reservations;
  private final InventoryRepository inventory;
  private final String mediaPrefix;
  private final int defaultTtlSeconds;

  /** A reservation's steps: the status each leads to, and per unit of a line the change of on hand, reserved, sold. */
  private enum Step {
    CONFIRM("CONFIRMED", "sold", -1, -1, 1),
    RELEASE("RELEASED", "released", 0, -1, 0),
    EXPIRE("EXPIRED", "expired", 0, -1, 0),
    RESTORE("RESTORED", "restored", 1, 0, -1);

    final String status;
    final String reason;
    final int onHand;
    final int reserved;
    final int sold;

    Step(String status, String reason, int onHand, int reserved, int sold) {
      this.status = status;
      this.reason = reason;
      this.onHand = onHand;
      this.reserved = reserved;
      this.sold = sold;
    }

    /** Whether a finished reservation already had this step's outcome: sold (and maybe restored since), or not. */
    boolean alreadyDone(String current) {
      boolean soldOnce = "CONFIRMED".equals(current) || "RESTORED".equals(current);
      return (this == CONFIRM) == soldOnce;
    }
  }

  public InventoryService(CatalogTransactions writer, ReservationRepository reservations, InventoryRepository inventory,
      String mediaPrefix, int defaultTtlSeconds) {
    this.writer = writer;
    this.reservations = reservations;
    this.inventory = inventory;
    this.mediaPrefix = mediaPrefix;
    this.defaultTtlSeconds = defaultTtlSeconds;
  }

  /**
   * Reserves {@code quantities} (SKU id to units, in id order) for {@code ttlSeconds}, or the default when null;
   * all lines or none.
   */
  public Future<JsonObject> reserve(String reservationId, Map<UUID, Integer> quantities, Integer ttlSeconds) {
    int ttl = ttlSeconds == null ? defaultTtlSeconds : ttlSeconds;
    // one statement when every line can be reserved; the transaction below, which locks and checks first, says why
    // one cannot (or reserves it, if the stock came back meanwhile)
    return writer.inOneStatement(change -> reservations.reserve(change, reservationId, ttl, quantities, mediaPrefix))
        .recover(failure -> ReservationRepository.isShort(failure) ? reserveLocked(reservationId, quantities, ttl)
            : Future.failedFuture(failure))
        .compose(inserted -> inserted.isPresent() ? Future.succeededFuture(inserted.get())
            : reservations.stored(writer.pool(), reservationId));
  }

  private Future<Optional<JsonObject>> reserveLocked(String reservationId, Map<UUID, Integer> quantities, int ttl) {
    return writer.inTransaction(change -> {
      SqlConnection tx = change.connection();
      // the reservation and its lines first: they need no lock, so a hot SKU's inventory row stays locked for less time
      return reservations.insert(tx, reservationId, ttl, quantities, mediaPrefix)
          .compose(inserted -> {
            if (inserted.isEmpty()) {
              return Future.succeededFuture(inserted); // a replay: answered from what is stored, after the commit
            }
            return inventory.lock(tx, quantities.keySet())
                .compose(levels -> {
                  checkAvailable(quantities, levels);
                  List<Movement> movements = quantities.entrySet().stream()
                      .map(e -> new Movement(e.getKey(), 0, e.getValue())).toList();
                  return inventory.apply(change, levels, movements, ReservationRepository.REASON, reservationId,
                      null);
                })
                .map(inserted);
          });
      // a replay reads after the commit: no lock is held meanwhile
    });
  }

  public Future<JsonObject> confirm(String reservationId) {
    return finish(reservationId, Step.CONFIRM);
  }

  /**
   * Gives reserved units back. A reservation that does not exist yet is recorded as released, so a reserve whose
   * answer was lost can be released safely whether it has arrived, arrives later or never does.
   */
  public Future<JsonObject> release(String reservationId) {
    return writer.inTransaction(change -> reservations.insertReleased(change.connection(), reservationId)
        .compose(v -> transition(change, reservationId, Step.RELEASE))
        .compose(v -> reservations.stored(change.connection(), reservationId)));
  }

  /**
   * Releases up to {@code batch} reservations past their expiry, each in its own transaction (one transaction
   * over several would lock stock rows out of order). Several nodes may sweep at once: a reservation another
   * sweeper holds is skipped, one it has finished is no longer RESERVED.
   */
  public Future<Integer> releaseExpired(int batch) {
    return reservations.expired(writer.pool(), batch).compose(ids -> Sweeper.oneByOne(ids, this::expire));
  }

  private Future<Boolean> expire(String reservationId) {
    return writer.inTransaction(change -> reservations.lockExpired(change.connection(), reservationId)
        .compose(locked -> !locked ? Future.succeededFuture(false)
            : transition(change, reservationId, Step.EXPIRE).map(true)));
  }

  private Future<JsonObject> finish(String reservationId, Step step) {
    return writer.inTransaction(change -> transition(change, reservationId, step)
        .compose(v -> reservations.stored(change.connection(), reservationId)));
  }

  /**
   * Confirmed units come back on hand and leave the products' sold counts. Restoring again is a no-op; a
   * reservation that never sold (reserved, released, expired) is a 409.
   */
  public Future<JsonObject> restore(String reservationId) {
    return writer.inTransaction(change -> lockStatus(change.connection(), reservationId)
        .compose(current -> {
          if (Step.RESTORE.status.equals(current)) {
            return Future.<Void>succeededFuture();
          }
          if (!Step.CONFIRM.status.equals(current)) {
            throw ServiceException.conflict("INVALID_STATE", "Only a confirmed reservation can be restored; this one "
                + "is " + current.toLowerCase());
          }
          return move(change, reservationId, Step.RESTORE);
        })
        .compose(v -> reservations.stored(change.connection(), reservationId)));
  }

  /**
   * Moves a RESERVED reservation on by {@code step}. Repeating a finished step is a no-op; contradicting one
   * (confirm after release, release after confirm) is a 409.
   */
  private Future<Void> transition(Change change, String reservationId, Step step) {
    return lockStatus(change.connection(), reservationId).compose(current -> {
      if (!"RESERVED".equals(current)) {
        if (step.alreadyDone(current)) {
          return Future.succeededFuture();
        }
        throw ServiceException.conflict("INVALID_STATE", "The reservation is already " + current.toLowerCase());
      }
      return move(change, reservationId, step);
    });
  }

  /** The reservation's status, its row locked for this transaction; 404 when there is none. */
  private Future<String> lockStatus(SqlConnection tx, String reservationId) {
    return reservations.lockStatus(tx, reservationId).map(status -> {
      if (status == null) {
        throw ServiceException.notFound("Reservation not found");
      }
      return status;
    });
  }

  /** Applies the step's stock and sales movements to each line of the reservation and records its new status. */
  private Future<Void> move(Change change, String reservationId, Step step) {
    SqlConnection tx = change.connection();
    return reservations.lines(tx, reservationId)
        .compose(lines -> {
          Map<UUID, Integer> quantities = new TreeMap<>();
          Map<UUID, Integer> perProduct = new TreeMap<>();
          for (Row line : lines) {
            quantities.put(line.getUUID("sku_id"), line.getInteger("quantity"));
            perProduct.merge(line.getUUID("product_id"), line.getInteger("quantity"), Integer::sum);
          }
          List<Movement> movements = quantities.entrySet().stream()
              .map(e -> new Movement(e.getKey(), step.onHand * e.getValue(), step.reserved * e.getValue()))
              .toList();
          boolean salesChange = step.sold != 0;
          UUID[] products = perProduct.keySet().toArray(UUID[]::new);
          Integer[] sales = perProduct.values().stream().map(quantity -> step.sold * quantity).toArray(Integer[]::new);
          // Lock order everywhere: product rows, then inventory rows, each in id order.
          return (salesChange ? reservations.lockProducts(tx, products) : Future.<Void>succeededFuture())
              .compose(v -> inventory.lock(tx, quantities.keySet()))
              .compose(levels -> inventory.apply(change, levels, movements, step.reason, reservationId, null))
              .compose(v -> salesChange ? reservations.addSales(tx, products, sales) : Future.<Void>succeededFuture())
              .compose(v -> reservations.setStatus(tx, reservationId, step.status));
        });
  }

  private static void checkAvailable(Map<UUID, Integer> quantities, Map<UUID, Level> levels) {
    List<String> missing = quantities.keySet().stream().filter(id -> !levels.containsKey(id)).map(UUID::toString)
        .toList();
    if (!missing.isEmpty()) {
      throw new ServiceException(404, "NOT_FOUND", "Unknown SKU " + String.join(", ", missing), null, null);
    }
    FieldErrors unavailable = new FieldErrors();
    FieldErrors shortages = new FieldErrors();
    quantities.forEach((skuId, quantity) -> {
      Level level = levels.get(skuId);
      if (!"ACTIVE".equals(level.skuStatus()) || !"ACTIVE".equals(level.productStatus())) {
        unavailable.add("items[" + skuId + "]", "is not for sale");
      } else if (level.available() < quantity) {
        shortages.add("items[" + skuId + "]", "only " + level.available() + " available");
      }
    });
    if (!unavailable.isEmpty()) {
      throw new ServiceException(409, "SKU_UNAVAILABLE", "Some items are not for sale", unavailable.details(), null);
    }
    if (!shortages.isEmpty()) {
      throw new ServiceException(409, "INSUFFICIENT_STOCK", "Not enough stock for some items", shortages.details(), null);
    }
  }
}
