package io.polymart.reviews;

import com.mongodb.client.model.Updates;
import io.polymart.core.audit.AuditActor;
import io.polymart.core.audit.AuditRecorded;
import io.vertx.core.json.JsonObject;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.util.List;

/**
 * The audit entries of moderators' and sellers' changes to a review (moderation, replies). MongoDB gives the reviews
 * no transactions, so the review is its own outbox: the entry ({@code AuditRecorded}, as
 * {@code schemas/events/polymart.audit.json} describes it) is pushed onto the review's {@value #ENTRIES} by the same
 * atomic update that makes the change, and the review is flagged {@value #PENDING}. The change and its entry are thus
 * written together or not at all; the {@link RatingRelay} then publishes the entries to {@code polymart.audit} and
 * removes them. A review with entries waiting is never purged (see {@link ReviewRepository#purge}).
 */
final class ReviewAudit {
  static final String ENTRIES = "auditEvents";
  static final String PENDING = "auditPending";

  private ReviewAudit() {
  }

  static String target(String reviewId) {
    return "review:" + reviewId;
  }

  /** One entry as the review keeps it until it is published: {@code {id, value}}, the value the record's text. */
  static Document entry(AuditActor actor, String action, String reviewId, JsonObject oldValue, JsonObject newValue) {
    JsonObject event = AuditRecorded.envelope(actor, action, target(reviewId), oldValue, newValue);
    return new Document("id", event.getString("id")).append("value", event.encode());
  }

  /** The part of the change's update that records the entry with it. */
  static Bson recorded(Document entry) {
    return Updates.combine(Updates.push(ENTRIES, entry), Updates.set(PENDING, true));
  }

  static List<Document> entries(Document review) {
    List<Document> entries = review.getList(ENTRIES, Document.class);
    return entries == null ? List.of() : entries;
  }
}
