package io.polymart.cart;

import io.vertx.redis.client.Response;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A cart's lines, newest first. */
record Cart(List<CartLine> lines) {
  private static final Comparator<CartLine> NEWEST_FIRST = Comparator.comparing(CartLine::addedAt).reversed()
      .thenComparing(CartLine::skuId);

  static Cart empty() {
    return new Cart(List.of());
  }

  /** The cart from a hash as HGETALL lists it: field, value, field, value... */
  static Cart fromHash(Response hash) {
    List<CartLine> lines = new ArrayList<>();
    for (int i = 0; i + 1 < hash.size(); i += 2) {
      lines.add(CartLine.fromJson(hash.get(i).toString(), hash.get(i + 1).toString()));
    }
    lines.sort(NEWEST_FIRST);
    return new Cart(List.copyOf(lines));
  }

  int lineCount() {
    return lines.size();
  }

  /** Units on the selected lines (whether or not they are for sale now: the store alone knows this much). */
  int selectedQuantity() {
    return lines.stream().filter(CartLine::selected).mapToInt(CartLine::quantity).sum();
  }

  List<String> skuIds() {
    return lines.stream().map(CartLine::skuId).toList();
  }
}
