package io.polymart.storefront;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.loader.ClasspathLoader;
import io.vertx.ext.web.templ.pebble.PebbleTemplateEngine;

import java.util.HashMap;
import java.util.Map;

/**
 * Renders pages with Pebble templates ({@code storefront/templates/*.peb}), compiled once and cached. Pebble escapes
 * every value for HTML unless a template says {@code | raw}: only the JSON-LD (escaped by {@link ProductJsonLd}), the
 * detail document (rendered by {@link Markdown} with raw HTML escaped) and the console's charts ({@link SalesChart}:
 * numbers and dates), so nothing a user wrote becomes markup. Every page also gets the assets' hashed URLs and its viewer.
 */
final class Templates {
  private static final String DIRECTORY = "storefront/templates";
  private final PebbleTemplateEngine engine;
  private final Assets assets;

  Templates(Vertx vertx, Assets assets) {
    ClasspathLoader loader = new ClasspathLoader(Templates.class.getClassLoader());
    loader.setPrefix(DIRECTORY);
    // Vert.x's default engine turns Pebble's own cache off and keeps only the page's template, so the layout and the
    // macros a page extends and imports were read and parsed again on every render (a tenth of a home page's CPU)
    // the models are plain maps and lists (Fields.plain), so Vert.x's JSON attribute resolver is not needed
    PebbleEngine pebble = new PebbleEngine.Builder().loader(loader).cacheActive(true).build();
    this.engine = PebbleTemplateEngine.create(vertx, pebble);
    this.assets = assets;
  }

  /** The page for its viewer: every layout shows who is signed in, and forms carry the page's CSRF token. */
  Future<String> render(Page page, PageRequest request) {
    Map<String, Object> model = new HashMap<>(page.model());
    model.put("assets", assets.urls());
    model.put("viewer", Fields.plain(request.viewerModel()));
    if (request.formError() != null) {
      model.put("formError", request.formError().getString("message"));
      model.put("form", Fields.plain(request.formValues()));
    }
    return engine.render(model, page.template() + ".peb").map(Buffer::toString);
  }
}
