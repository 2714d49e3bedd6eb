package io.polymart.reviews;

import com.mongodb.client.model.Filters;
import io.polymart.core.audit.AuditActor;
import io.polymart.core.bus.BusRequest;
import io.polymart.core.error.ServiceException;
import org.bson.conversions.Bson;

import java.util.UUID;

/**
 * Who moderates or replies: an admin acts on every review, a seller only on the reviews of their own products (the
 * {@code sellerId} a review took from the catalog when it was written). A review stored before reviews kept their
 * product's seller has none, so only admins reach it.
 */
record Moderator(AuditActor actor, boolean admin) {
  static Moderator from(BusRequest request) {
    boolean admin = request.roles().contains("admin");
    if (!admin && !request.roles().contains("seller")) {
      throw ServiceException.forbidden("This action requires the seller role");
    }
    return new Moderator(AuditActor.of(request), admin);
  }

  UUID userId() {
    return actor.userId();
  }

  /** {@code filter} narrowed to the reviews this moderator may see and act on. */
  Bson scoped(Bson filter) {
    return admin ? filter : Filters.and(filter, Filters.eq("sellerId", userId().toString()));
  }
}
