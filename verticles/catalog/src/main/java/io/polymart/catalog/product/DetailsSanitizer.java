package io.polymart.catalog.product;

import io.vertx.core.json.JsonObject;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;

/**
 * Cleans a seller's detail document before it is stored: HTML long descriptions keep formatting, lists,
 * tables, links and images but lose scripts, event handlers and anything else that could run in a buyer's
 * browser. Markdown is stored as written; whoever renders it must escape raw HTML.
 */
final class DetailsSanitizer {
  private static final PolicyFactory HTML = Sanitizers.FORMATTING.and(Sanitizers.BLOCKS).and(Sanitizers.LINKS)
      .and(Sanitizers.TABLES).and(Sanitizers.IMAGES).and(Sanitizers.STYLES);

  private DetailsSanitizer() {
  }

  static JsonObject sanitize(JsonObject details) {
    JsonObject clean = details.copy();
    JsonObject longDescription = clean.getJsonObject("longDescription");
    if (longDescription != null) {
      // the schema allows only html and markdown
      if ("html".equals(longDescription.getString("format"))) {
        longDescription.put("content", HTML.sanitize(longDescription.getString("content", "")));
      }
    }
    return clean;
  }
}
