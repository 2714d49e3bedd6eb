package io.polymart.catalog.product;

import java.util.UUID;

/** A product row locked for a change: who owns it, its status and its name. */
public record OwnedProduct(UUID id, UUID sellerId, String status, String name) {
}
