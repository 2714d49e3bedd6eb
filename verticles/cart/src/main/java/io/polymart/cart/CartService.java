package io.polymart.cart;

import io.polymart.core.bus.BusReply;
import io.polymart.core.error.ServiceException;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The cart's rules: what may be added or changed, what a merge keeps, and what the owner sees. */
final class CartService {
  private final CartRepository carts;
  private final CartOwners owners;
  private final SkuCatalog catalog;
  private final CartView view;
  private final CartEvents events;
  private final CartActivity activity;
  private final CartSettings settings;

  CartService(CartRepository carts, CartOwners owners, SkuCatalog catalog, CartView view, CartEvents events,
      CartActivity activity, CartSettings settings) {
    this.carts = carts;
    this.owners = owners;
    this.catalog = catalog;
    this.view = view;
    this.events = events;
    this.activity = activity;
    this.settings = settings;
  }

  /** A guest without a token sees an empty cart, and gets no token until they add something. */
  Future<Buffer> get(CartCaller caller) {
    Optional<CartOwner> owner = owners.existing(caller);
    if (owner.isEmpty()) {
      return Future.succeededFuture(emptyView());
    }
    return carts.read(owner.get().key()).compose(cart -> render(cart, Map.of()));
  }

  /**
   * The reply carries the guest's new token when this added the first line of a new guest cart. One catalog lookup
   * serves both the check of the added SKU and the view of the whole cart.
   */
  Future<BusReply> add(CartCaller caller, String skuId, long quantityAsked, String visitorId) {
    int quantity = withinLineLimit(quantityAsked);
    return owners.forAdding(caller).compose(owner -> carts.skuIds(owner.key())
        .compose(inCart -> {
          List<String> wanted = new ArrayList<>(inCart);
          wanted.add(skuId);
          return catalog.lookup(wanted);
        })
        .compose(facts -> addLine(owner, skuId, quantity, facts, visitorId))
        .map(cart -> BusReply.encoded(cart, owner.replyHeaders())));
  }

  private Future<Buffer> addLine(CartOwner owner, String skuId, int quantity, Map<String, SkuFacts> facts,
      String visitorId) {
    SkuFacts sku = facts.get(skuId);
    if (sku == null) {
      throw ServiceException.notFound("SKU not found");
    }
    if (!sku.forSale()) {
      throw notForSale();
    }
    return carts.add(owner.key(), skuId, quantity, sku.available(), sku.unitPrice(), CartLine.timestamp(Instant.now()))
        .compose(outcome -> {
          if (!outcome.ok()) {
            throw refusedAdd(outcome, sku);
          }
          events.changed(owner, outcome.cart());
          activity.added(owner, visitorId, sku, quantity);
          return render(outcome.cart(), facts);
        });
  }

  /** Sets a line's quantity and/or selection. Lowering a quantity always works; raising one needs stock. */
  Future<Buffer> update(CartCaller caller, String skuId, Long quantityAsked, Boolean selected) {
    Integer quantity = quantityAsked == null ? null : withinLineLimit(quantityAsked);
    Optional<CartOwner> owner = owners.existing(caller);
    if (owner.isEmpty()) {
      return Future.failedFuture(lineNotFound());
    }
    // only a new quantity needs the catalog: to know how far it may rise
    Future<Map<String, SkuFacts>> looked = quantity == null ? Future.succeededFuture(Map.of())
        : catalog.lookup(List.of(skuId));
    return looked.compose(facts -> updateLine(owner.get(), skuId, quantity, selected, facts));
  }

  private Future<Buffer> updateLine(CartOwner owner, String skuId, Integer quantity, Boolean selected,
      Map<String, SkuFacts> facts) {
    SkuFacts sku = facts.get(skuId);
    boolean buyable = sku != null && sku.forSale();
    return carts.update(owner.key(), skuId, quantity, selected, buyable ? sku.available() : -1)
        .compose(outcome -> {
          if (CartRepository.NOT_FOUND.equals(outcome.refusal())) {
            throw lineNotFound();
          }
          if (!outcome.ok()) {
            throw buyable ? insufficientStock(sku, outcome.quantityBefore()) : notForSale();
          }
          events.changed(owner, outcome.cart());
          return render(outcome.cart(), facts);
        });
  }

  /** Idempotent: removing a line that is not there (or a null SKU id, which names none) answers the cart as it is. */
  Future<Buffer> remove(CartCaller caller, String skuId) {
    Optional<CartOwner> owner = owners.existing(caller);
    if (owner.isEmpty()) {
      return Future.succeededFuture(emptyView());
    }
    return carts.remove(owner.get().key(), skuId == null ? List.of() : List.of(skuId)).compose(removal -> {
      if (removal.removed() > 0) {
        events.changed(owner.get(), removal.cart());
      }
      return render(removal.cart(), Map.of());
    });
  }

  Future<JsonObject> clear(CartCaller caller) {
    Optional<CartOwner> owner = owners.existing(caller);
    if (owner.isEmpty()) {
      return Future.succeededFuture(null);
    }
    return carts.clear(owner.get().key()).map(deleted -> {
      if (deleted) {
        events.changed(owner.get(), Cart.empty());
      }
      return null;
    });
  }

  /** At sign-in: the guest cart's lines join the user's cart and the guest cart is gone. */
  Future<Buffer> merge(String userId, String guestToken) {
    CartOwner user = CartOwner.user(userId);
    return carts.merge(user.key(), CartOwner.guestKey(guestToken)).compose(merge -> {
      if (merge.moved()) {
        events.changed(user, merge.cart());
      }
      return render(merge.cart(), Map.of());
    });
  }

  /** For checkout: the user's selected lines. */
  Future<JsonObject> selected(String userId) {
    CartOwner user = CartOwner.user(userId);
    return carts.read(user.key()).map(cart -> {
      JsonArray items = new JsonArray();
      cart.lines().stream().filter(CartLine::selected).forEach(line -> items.add(new JsonObject()
          .put("skuId", line.skuId()).put("quantity", line.quantity())));
      return new JsonObject().put("items", items);
    });
  }

  /** After checkout: the purchased lines leave the user's cart. */
  Future<JsonObject> removeLines(String userId, List<String> skuIds) {
    CartOwner user = CartOwner.user(userId);
    return carts.remove(user.key(), skuIds).map(removal -> {
      if (removal.removed() > 0) {
        events.changed(user, removal.cart());
      }
      return new JsonObject();
    });
  }

  /** The view of {@code cart}, looking up the SKUs whose facts are not already known. */
  private Future<Buffer> render(Cart cart, Map<String, SkuFacts> known) {
    List<String> missing = cart.skuIds().stream().filter(id -> !known.containsKey(id)).toList();
    return catalog.lookup(missing).map(found -> {
      Map<String, SkuFacts> facts = new HashMap<>(known);
      facts.putAll(found);
      return view.render(cart, facts);
    });
  }

  private Buffer emptyView() {
    return view.render(Cart.empty(), Map.of());
  }

  private int withinLineLimit(long quantity) {
    if (quantity > settings.maxQuantityPerLine()) {
      throw quantityLimit();
    }
    return (int) quantity;
  }

  private RuntimeException refusedAdd(CartRepository.Outcome outcome, SkuFacts sku) {
    return switch (outcome.refusal()) {
      case CartRepository.CART_FULL -> ServiceException.unprocessable("CART_FULL", "The cart holds at most "
          + settings.maxLines() + " different items");
      case CartRepository.QUANTITY_LIMIT -> quantityLimit();
      case CartRepository.INSUFFICIENT_STOCK -> insufficientStock(sku, outcome.quantityBefore());
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
