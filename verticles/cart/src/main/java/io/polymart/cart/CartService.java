package io.polymart.cart;

import io.polymart.core.bus.BusReply;
import io.polymart.core.bus.BusRequest;
import io.polymart.core.error.ServiceException;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The cart's rules: what may be added or changed, what a merge keeps, and what the owner sees. */
final class CartService {
  private final CartStore store;
  private final CartOwners owners;
  private final SkuCatalog catalog;
  private final CartView view;
  private final CartEvents events;
  private final CartSettings settings;

  CartService(CartStore store, CartOwners owners, SkuCatalog catalog, CartView view, CartEvents events,
      CartSettings settings) {
    this.store = store;
    this.owners = owners;
    this.catalog = catalog;
    this.view = view;
    this.events = events;
    this.settings = settings;
  }

  /** A guest without a token sees an empty cart, and gets no token until they add something. */
  Future<JsonObject> get(BusRequest request) {
    Optional<CartOwner> owner = owners.existing(request);
    if (owner.isEmpty()) {
      return Future.succeededFuture(emptyView());
    }
    return store.read(owner.get().key()).compose(cart -> render(cart, Map.of()));
  }

  Future<BusReply> add(BusRequest request) {
    JsonObject body = request.body();
    String skuId = CartInput.skuId(body.getValue("skuId"), "skuId");
    int quantity = withinLineLimit(CartInput.quantity(body.getValue("quantity"), "quantity"));
    return owners.forAdding(request).compose(owner -> catalog.lookup(List.of(skuId))
        .compose(facts -> addLine(owner, skuId, quantity, facts))
        .map(cart -> new BusReply(cart, owner.replyHeaders())));
  }

  private Future<JsonObject> addLine(CartOwner owner, String skuId, int quantity, Map<String, SkuFacts> facts) {
    SkuFacts sku = facts.get(skuId);
    if (sku == null) {
      throw ServiceException.notFound("SKU not found");
    }
    if (!sku.forSale()) {
      throw notForSale();
    }
    return store.add(owner.key(), skuId, quantity, sku.available(), sku.unitPrice(), CartLine.timestamp(Instant.now()))
        .compose(outcome -> {
          if (!outcome.ok()) {
            throw refusedAdd(outcome, sku);
          }
          events.changed(owner, outcome.cart());
          return render(outcome.cart(), facts);
        });
  }

  /** Sets a line's quantity and/or selection. Lowering a quantity always works; raising one needs stock. */
  Future<JsonObject> update(BusRequest request) {
    String skuId = request.uuidParam("skuId", "Cart item").toString();
    JsonObject body = request.body();
    Object quantityValue = body.getValue("quantity");
    Object selectedValue = body.getValue("selected");
    if (quantityValue == null && selectedValue == null) {
      throw ServiceException.badRequest("Give quantity, selected or both", null);
    }
    Integer quantity = quantityValue == null ? null : withinLineLimit(CartInput.quantity(quantityValue, "quantity"));
    Boolean selected = selectedValue == null ? null : CartInput.bool(selectedValue, "selected");
    Optional<CartOwner> owner = owners.existing(request);
    if (owner.isEmpty()) {
      return Future.failedFuture(lineNotFound());
    }
    // only a new quantity needs the catalog: to know how far it may rise
    Future<Map<String, SkuFacts>> looked = quantity == null ? Future.succeededFuture(Map.of())
        : catalog.lookup(List.of(skuId));
    return looked.compose(facts -> updateLine(owner.get(), skuId, quantity, selected, facts));
  }

  private Future<JsonObject> updateLine(CartOwner owner, String skuId, Integer quantity, Boolean selected,
      Map<String, SkuFacts> facts) {
    SkuFacts sku = facts.get(skuId);
    boolean buyable = sku != null && sku.forSale();
    return store.update(owner.key(), skuId, quantity, selected, buyable ? sku.available() : -1)
        .compose(outcome -> {
          if (CartStore.NOT_FOUND.equals(outcome.refusal())) {
            throw lineNotFound();
          }
          if (!outcome.ok()) {
            throw buyable ? insufficientStock(sku, outcome.quantityBefore()) : notForSale();
          }
          events.changed(owner, outcome.cart());
          return render(outcome.cart(), facts);
        });
  }

  /** Idempotent: removing a line that is not there answers the cart as it is. */
  Future<JsonObject> remove(BusRequest request) {
    String skuId = CartInput.canonicalSkuId(request.param("skuId"));
    Optional<CartOwner> owner = owners.existing(request);
    if (owner.isEmpty()) {
      return Future.succeededFuture(emptyView());
    }
    return store.remove(owner.get().key(), skuId == null ? List.of() : List.of(skuId)).compose(removal -> {
      if (removal.removed() > 0) {
        events.changed(owner.get(), removal.cart());
      }
      return render(removal.cart(), Map.of());
    });
  }

  Future<JsonObject> clear(BusRequest request) {
    Optional<CartOwner> owner = owners.existing(request);
    if (owner.isEmpty()) {
      return Future.succeededFuture(null);
    }
    return store.clear(owner.get().key()).map(deleted -> {
      if (deleted) {
        events.changed(owner.get(), Cart.empty());
      }
      return null;
    });
  }

  /** At sign-in: the guest cart's lines join the user's cart and the guest cart is gone. */
  Future<JsonObject> merge(BusRequest request) {
    CartOwner user = CartOwner.user(request.userId());
    String guestToken = CartInput.guestToken(request.body().getValue("guestToken"));
    return store.merge(user.key(), CartOwner.guestKey(guestToken)).compose(merge -> {
      if (merge.moved()) {
        events.changed(user, merge.cart());
      }
      return render(merge.cart(), Map.of());
    });
  }

  /** For checkout: the user's selected lines. */
  Future<JsonObject> selected(BusRequest request) {
    CartOwner user = CartOwner.user(request.userId());
    return store.read(user.key()).map(cart -> {
      JsonArray items = new JsonArray();
      cart.lines().stream().filter(CartLine::selected).forEach(line -> items.add(new JsonObject()
          .put("skuId", line.skuId()).put("quantity", line.quantity())));
      return new JsonObject().put("items", items);
    });
  }

  /** After checkout: the purchased lines leave the user's cart. */
  Future<JsonObject> removeLines(BusRequest request) {
    CartOwner user = CartOwner.user(request.userId());
    List<String> skuIds = CartInput.skuIds(request.body().getValue("skuIds"));
    return store.remove(user.key(), skuIds).map(removal -> {
      if (removal.removed() > 0) {
        events.changed(user, removal.cart());
      }
      return new JsonObject();
    });
  }

  /** The view of {@code cart}, looking up the SKUs whose facts are not already known. */
  private Future<JsonObject> render(Cart cart, Map<String, SkuFacts> known) {
    List<String> missing = cart.skuIds().stream().filter(id -> !known.containsKey(id)).toList();
    return catalog.lookup(missing).map(found -> {
      Map<String, SkuFacts> facts = new HashMap<>(known);
      facts.putAll(found);
      return view.render(cart, facts);
    });
  }

  private JsonObject emptyView() {
    return view.render(Cart.empty(), Map.of());
  }

  private int withinLineLimit(long quantity) {
    if (quantity > settings.maxQuantityPerLine()) {
      throw quantityLimit();
    }
    return (int) quantity;
  }

  private RuntimeException refusedAdd(CartStore.Outcome outcome, SkuFacts sku) {
    return switch (outcome.refusal()) {
      case CartStore.CART_FULL -> ServiceException.unprocessable("CART_FULL", "The cart holds at most "
          + settings.maxLines() + " different items");
      case CartStore.QUANTITY_LIMIT -> quantityLimit();
      case CartStore.INSUFFICIENT_STOCK -> insufficientStock(sku, outcome.quantityBefore());
      default -> new IllegalStateException("Unexpected refusal " + outcome.refusal());
    };
  }

  private ServiceException quantityLimit() {
    return ServiceException.unprocessable("QUANTITY_LIMIT", "At most " + settings.maxQuantityPerLine()
        + " of one item fit in the cart");
  }

  private static ServiceException insufficientStock(SkuFacts sku, int inCart) {
    return ServiceException.unprocessable("INSUFFICIENT_STOCK", "Only " + sku.available() + " available"
        + (inCart > 0 ? " (the cart already has " + inCart + ")" : ""));
  }

  private static ServiceException notForSale() {
    return ServiceException.conflict("SKU_UNAVAILABLE", "This item is not for sale");
  }

  private static ServiceException lineNotFound() {
    return ServiceException.notFound("Cart item not found");
  }
}
