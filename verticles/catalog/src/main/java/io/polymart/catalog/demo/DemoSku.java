package io.polymart.catalog.demo;

import java.math.BigDecimal;
import java.util.Map;

/**
 * A demo SKU. Prices have scale 2, {@code originalPrice} is {@code null} or higher than
 * {@code price}; {@code weightKg} has scale 3; attributes keep their insertion order.
 */
public record DemoSku(String code, Map<String, String> attributes, BigDecimal price,
    BigDecimal originalPrice, BigDecimal weightKg, int stock) {}
