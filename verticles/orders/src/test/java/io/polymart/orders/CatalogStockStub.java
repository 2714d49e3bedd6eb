package io.polymart.orders;

import io.polymart.core.bus.BusRequest;
import io.polymart.core.bus.BusServer;
import io.polymart.core.error.FieldErrors;
import io.polymart.core.error.ServiceException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import static io.polymart.core.bus.Addresses.CATALOG_STOCK_CONFIRM;
import static io.polymart.core.bus.Addresses.CATALOG_STOCK_RELEASE;
import static io.polymart.core.bus.Addresses.CATALOG_STOCK_RESERVE;
import static io.polymart.core.bus.Addresses.CATALOG_STOCK_RESTORE;

/**
 * Stands in for the catalog's stock contract ({@code catalog.stock.*}), answering as the catalog's inventory does:
 * all lines or none, priced from the SKUs the tests set up, idempotent by reservation id, a contradicting step a 409.
 * It records every step it was asked of each reservation, so tests see what orders did with the stock.
 */
final class CatalogStockStub {
  private final Map<String, JsonObject> skus = new HashMap<>();
  private final Map<String, Reservation> reservations = new HashMap<>();
  private final Map<String, List<String>> steps = new HashMap<>();
  private final Map<String, List<String>> reservationsOfSku = new HashMap<>();
  private final Map<String, JsonObject> requests = new HashMap<>();
  private int releasesUnavailable;
  private int reserveAnswersLost;

  /** A step after the reservation: the status it leads to, and whether its units go back on sale. */
  private enum Step {
    CONFIRM("CONFIRMED", false), RELEASE("RELEASED", true), RESTORE("RESTORED", true);

    final String status;
    final boolean backOnSale;

    Step(String status, boolean backOnSale) {
      this.status = status;
      this.backOnSale = backOnSale;
    }
  }

  /** A reservation as the catalog stores it: its status and its priced lines. */
  private static final class Reservation {
    String status = "RESERVED";
    final JsonArray lines;
    final String expiresAt;

    Reservation(JsonArray lines, String expiresAt) {
      this.lines = lines;
      this.expiresAt = expiresAt;
    }
  }

  CatalogStockStub(Vertx vertx) {
    new BusServer(vertx)
        .handle(CATALOG_STOCK_RESERVE, this::reserve)
        .handle(CATALOG_STOCK_CONFIRM, request -> finish(request, Step.CONFIRM))
        .handle(CATALOG_STOCK_RELEASE, request -> finish(request, Step.RELEASE))
        .handle(CATALOG_STOCK_RESTORE, request -> finish(request, Step.RESTORE));
  }

  /** The next {@code count} releases answer 503, as while the catalog's database is down. */
  synchronized void failNextReleases(int count) {
    releasesUnavailable = count;
  }

  /** The next {@code count} reserves are made but answer 503, as when the database went down as they committed. */
  synchronized void loseNextReserveAnswers(int count) {
    reserveAnswersLost = count;
  }

  /** A new SKU of {@code sellerId} for sale at {@code price} with {@code available} units; its id. */
  synchronized String sku(String price, int available, String sellerId) {
    String skuId = UUID.randomUUID().toString();
    skus.put(skuId, new JsonObject().put("skuId", skuId).put("productId", UUID.randomUUID().toString())
        .put("sellerId", sellerId).put("code", "SKU-" + skuId.substring(0, 8))
        .put("name", "Product " + skuId.substring(0, 8)).put("attributes", new JsonObject().put("size", "M"))
        .put("image", "/media/thumb-" + skuId + ".jpg").put("unitPrice", price).put("available", available)
        .put("forSale", true));
    return skuId;
  }

  /** The SKU's catalog facts, as a reservation's line copies them. */
  synchronized JsonObject facts(String skuId) {
    return skus.get(skuId).copy();
  }

  synchronized int available(String skuId) {
    return skus.get(skuId).getInteger("available");
  }

  synchronized void setAvailable(String skuId, int available) {
    skus.get(skuId).put("available", available);
  }

  /** The reservations that were asked to hold the SKU (refused ones too), in the order asked. */
  synchronized List<String> reservationsOf(String skuId) {
    return List.copyOf(reservationsOfSku.getOrDefault(skuId, List.of()));
  }

  /** The only reservation asked to hold the SKU. */
  synchronized String reservationOf(String skuId) {
    List<String> ids = reservationsOf(skuId);
    if (ids.size() != 1) {
      throw new AssertionError("expected one reservation of " + skuId + ", got " + ids);
    }
    return ids.get(0);
  }

  /** Every step asked of the reservation, in order: {@code reserve}, {@code confirm}, {@code release}, ... */
  synchronized List<String> steps(String reservationId) {
    return List.copyOf(steps.getOrDefault(reservationId, List.of()));
  }

  /** The items and ttl of the reservation's first request, as orders sent them. */
  synchronized JsonObject reserveRequest(String reservationId) {
    return requests.get(reservationId).copy();
  }

  private synchronized Future<JsonObject> reserve(BusRequest request) {
    JsonObject body = request.body();
    String reservationId = body.getString("reservationId");
    record(reservationId, "reserve");
    requests.putIfAbsent(reservationId, body.copy());
    Map<String, Integer> quantities = new TreeMap<>();
    body.getJsonArray("items").forEach(item -> {
      JsonObject line = (JsonObject) item;
      quantities.merge(line.getString("skuId"), line.getInteger("quantity"), Integer::sum);
    });
    quantities.keySet().forEach(skuId -> {
      List<String> ids = reservationsOfSku.computeIfAbsent(skuId, id -> new ArrayList<>());
      if (!ids.contains(reservationId)) {
        ids.add(reservationId);
      }
    });
    Reservation stored = reservations.get(reservationId);
    if (stored != null) {
      return Future.succeededFuture(json(reservationId, stored)); // a replay: answered from what is stored
    }
    checkAvailable(quantities);
    JsonArray lines = new JsonArray();
    quantities.forEach((skuId, quantity) -> {
      JsonObject sku = skus.get(skuId);
      sku.put("available", sku.getInteger("available") - quantity);
      lines.add(new JsonObject().put("skuId", skuId).put("productId", sku.getString("productId"))
          .put("sellerId", sku.getString("sellerId")).put("code", sku.getString("code"))
          .put("name", sku.getString("name")).put("attributes", sku.getJsonObject("attributes").copy())
          .put("image", sku.getString("image")).put("unitPrice", sku.getString("unitPrice"))
          .put("quantity", quantity));
    });
    Reservation reservation = new Reservation(lines,
        Instant.now().plusSeconds(body.getInteger("ttlSeconds")).toString());
    reservations.put(reservationId, reservation);
    if (reserveAnswersLost > 0) {
      reserveAnswersLost--;
      record(reservationId, "reserve answer lost");
      return Future.failedFuture(ServiceException.unavailable());
    }
    return Future.succeededFuture(json(reservationId, reservation));
  }

  private void checkAvailable(Map<String, Integer> quantities) {
    List<String> missing = quantities.keySet().stream().filter(id -> !skus.containsKey(id)).toList();
    if (!missing.isEmpty()) {
      throw new ServiceException(404, "NOT_FOUND", "Unknown SKU " + String.join(", ", missing), null, null);
    }
    FieldErrors shortages = new FieldErrors();
    quantities.forEach((skuId, quantity) -> {
      int available = skus.get(skuId).getInteger("available");
      if (available < quantity) {
        shortages.add("items[" + skuId + "]", "only " + available + " available");
      }
    });
    if (!shortages.isEmpty()) {
      throw new ServiceException(409, "INSUFFICIENT_STOCK", "Not enough stock for some items", shortages.details(),
          null);
    }
  }

  /** Confirm, release or restore, with the catalog's rules: a repeat is a no-op, a contradiction a 409. */
  private synchronized Future<JsonObject> finish(BusRequest request, Step step) {
    String reservationId = request.body().getString("reservationId");
    if (step == Step.RELEASE && releasesUnavailable > 0) {
      releasesUnavailable--;
      record(reservationId, "release unavailable");
      return Future.failedFuture(ServiceException.unavailable());
    }
    record(reservationId, step.name().toLowerCase(Locale.ROOT));
    Reservation reservation = reservations.get(reservationId);
    if (reservation == null && step == Step.RELEASE) {
      // released before its reserve arrived: the reserve will find it released and hold nothing
      reservation = new Reservation(new JsonArray(), Instant.now().toString());
      reservation.status = Step.RELEASE.status;
      reservations.put(reservationId, reservation);
    }
    if (reservation == null) {
      throw ServiceException.notFound("Reservation not found");
    }
    String current = reservation.status;
    if (step == Step.RESTORE && !current.equals("CONFIRMED")) {
      if (current.equals("RESTORED")) {
        return Future.succeededFuture(json(reservationId, reservation));
      }
      throw ServiceException.conflict("INVALID_STATE", "Only a confirmed reservation can be restored; this one is "
          + current.toLowerCase(Locale.ROOT));
    }
    if (step != Step.RESTORE && !current.equals("RESERVED")) {
      boolean soldOnce = current.equals("CONFIRMED") || current.equals("RESTORED");
      if ((step == Step.CONFIRM) == soldOnce) {
        return Future.succeededFuture(json(reservationId, reservation));
      }
      throw ServiceException.conflict("INVALID_STATE",
          "The reservation is already " + current.toLowerCase(Locale.ROOT));
    }
    if (step.backOnSale) {
      reservation.lines.forEach(item -> {
        JsonObject line = (JsonObject) item;
        JsonObject sku = skus.get(line.getString("skuId"));
        sku.put("available", sku.getInteger("available") + line.getInteger("quantity"));
      });
    }
    reservation.status = step.status;
    return Future.succeededFuture(json(reservationId, reservation));
  }

  private void record(String reservationId, String step) {
    steps.computeIfAbsent(reservationId, id -> new ArrayList<>()).add(step);
  }

  private static JsonObject json(String reservationId, Reservation reservation) {
    return new JsonObject().put("reservationId", reservationId).put("status", reservation.status)
        .put("expiresAt", reservation.expiresAt).put("lines", reservation.lines.copy());
  }
}
