package io.polymart.catalog;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;

/** Wires the catalog services to their event-bus addresses. */
public final class CatalogVerticle extends VerticleBase {
  public static final String SCHEMA = "catalog";

  @Override
  public Future<?> start() {
    return Future.succeededFuture();
  }
}
