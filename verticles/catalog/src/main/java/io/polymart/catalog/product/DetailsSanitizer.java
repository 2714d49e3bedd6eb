package io.polymart.catalog.product;

import io.polymart.core.error.ServiceException;
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
      String format = longDescription.getString("format");
      String content = longDescription.getString("content", "");
      if ("html".equals(format)) {
        longDescription.put("content", HTML.sanitize(content));
      } else if (!"markdown".equals(format)) {
        throw ServiceException.invalidField("details.longDescription.format", "must be html or markdown");
      }
    }
    return clean;
  }
}
