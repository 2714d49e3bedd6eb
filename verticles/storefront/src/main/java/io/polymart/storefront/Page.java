package io.polymart.storefront;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * What a page handler decided: the status, the template and the values it is rendered with; or (status 303) the
 * page the browser should go to instead.
 */
record Page(int status, String template, Map<String, Object> model, String location) {

  Page(int status, String template, Map<String, Object> model) {
    this(status, template, model, null);
  }

  static Page ok(String template, Map<String, Object> model) {
    return new Page(200, template, model);
  }

  static Page notFound(String what) {
    return new Page(404, "not-found", Map.of("title", "Not found", "what", what));
  }

  static Page forbidden(String why) {
    return new Page(403, "message", Map.of("title", "Not for you", "message", "Sorry: " + why + "."));
  }

  static Page redirect(String location) {
    return new Page(303, null, Map.of(), location);
  }

  /** Sign-in first, then back to the page the guest asked for (with its query). */
  static Page signInFirst(PageRequest request) {
    StringBuilder next = new StringBuilder(request.path());
    request.query().forEach(param -> next.append(next.indexOf("?") < 0 ? '?' : '&')
        .append(URLEncoder.encode(param.getKey(), StandardCharsets.UTF_8)).append('=')
        .append(URLEncoder.encode(String.valueOf(param.getValue()), StandardCharsets.UTF_8)));
    return redirect("/account/sign-in?next=" + URLEncoder.encode(next.toString(), StandardCharsets.UTF_8));
  }
}
