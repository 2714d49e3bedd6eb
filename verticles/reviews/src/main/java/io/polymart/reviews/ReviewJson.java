package io.polymart.reviews;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.bson.Document;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.List;

/** A stored review as the API shows it: text exactly as written, as JSON strings. */
final class ReviewJson {
  private static final DateTimeFormatter INSTANT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private ReviewJson() {
  }

  /**
   * The public form: no status, no author id, no seller id. {@code sku} carries the attributes the SKU had when the
   * review was written (empty for reviews stored before they were kept); {@code reply} the seller's, or null.
   */
  static JsonObject published(Document review) {
    String skuId = review.getString("skuId");
    return new JsonObject().put("id", review.getString("_id")).put("productId", review.getString("productId"))
        .put("rating", review.getInteger("rating")).put("title", review.getString("title"))
        .put("body", review.getString("body"))
        .put("author", new JsonObject().put("displayName", review.getString("authorName")))
        .put("verified", review.getBoolean("verified"))
        .put("sku", skuId == null ? null : new JsonObject().put("id", skuId)
            .put("attributes", document(review.get("skuAttributes", Document.class))))
        .put("images", images(review))
        .put("reply", reply(review.get("reply", Document.class)))
        .put("helpfulCount", ReviewVotes.number(review, ReviewVotes.HELPFUL))
        .put("unhelpfulCount", ReviewVotes.number(review, ReviewVotes.UNHELPFUL))
        .put("createdAt", instant(review.getDate("createdAt")))
        .put("updatedAt", instant(review.getDate("updatedAt")));
  }

  /**
   * The author's (and moderators') form: the public one with its status, once rejected why, and
   * {@code hiddenByReports: true} while reports keep it in moderation.
   */
  static JsonObject withStatus(Document review) {
    JsonObject json = published(review).put("status", review.getString("status"))
        .put("rejectionReason", review.getString("rejectionReason"));
    if (Boolean.TRUE.equals(review.getBoolean(ReviewReports.HIDDEN))) {
      json.put("hiddenByReports", true);
    }
    return json;
  }

  private static JsonObject reply(Document reply) {
    return reply == null ? null : new JsonObject().put("body", reply.getString("body"))
        .put("createdAt", instant(reply.getDate("createdAt"))).put("updatedAt", instant(reply.getDate("updatedAt")));
  }

  private static JsonObject document(Document document) {
    return document == null ? new JsonObject() : new JsonObject(document.toJson());
  }

  /** {@code [{id, thumbnail, large}]}, the URLs of each image's renditions; empty when it has none. */
  private static JsonArray images(Document review) {
    JsonArray images = new JsonArray();
    review.getList("images", Document.class, List.of()).forEach(image -> images.add(new JsonObject()
        .put("id", image.getString("id")).put("thumbnail", image.getString("thumbnail"))
        .put("large", image.getString("large"))));
    return images;
  }

  private static String instant(Date date) {
    return INSTANT.format(date.toInstant());
  }
}
