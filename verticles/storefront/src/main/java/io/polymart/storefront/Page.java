package io.polymart.storefront;

import java.util.Map;

/** What a page handler decided: the status, the template and the values it is rendered with. */
record Page(int status, String template, Map<String, Object> model) {

  static Page ok(String template, Map<String, Object> model) {
    return new Page(200, template, model);
  }

  static Page notFound(String what) {
    return new Page(404, "not-found", Map.of("title", "Not found", "what", what));
  }
}
