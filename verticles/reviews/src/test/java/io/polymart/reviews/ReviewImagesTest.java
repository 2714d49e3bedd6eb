package io.polymart.reviews;

import com.mongodb.client.model.Filters;
import io.minio.GetObjectArgs;
import io.minio.MinioClient;
import io.minio.errors.ErrorResponseException;
import io.polymart.core.error.ServiceException;
import io.polymart.core.mongo.Publishers;
import io.polymart.core.s3.S3Clients;
import io.polymart.reviews.ReviewsFixture.Deployment;
import io.polymart.reviews.image.ReviewImageRepository;
import io.polymart.reviews.image.ReviewImageService;
import io.polymart.testing.Await;
import io.polymart.testing.BusTestNode;
import io.polymart.testing.BusTestNode.Caller;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import static io.polymart.core.bus.Addresses.REVIEWS_ADMIN_PUBLISH;
import static io.polymart.core.bus.Addresses.REVIEWS_CREATE;
import static io.polymart.core.bus.Addresses.REVIEWS_DELETE;
import static io.polymart.core.bus.Addresses.REVIEWS_IMAGE_UPLOAD;
import static io.polymart.core.bus.Addresses.REVIEWS_LIST;
import static io.polymart.core.bus.Addresses.REVIEWS_MEDIA_GET;
import static io.polymart.core.bus.Addresses.REVIEWS_UPDATE;
import static io.polymart.reviews.ReviewsFixture.TIMEOUT;
import static io.polymart.reviews.ReviewsFixture.awaitCaughtUp;
import static io.polymart.reviews.ReviewsFixture.node;
import static io.polymart.reviews.ReviewsFixture.send;
import static org.assertj.core.api.Assertions.assertThat;

/** Review images over the bus: uploads checked like product images, attached to reviews, swept when left over. */
class ReviewImagesTest {
  private static final String MEDIA = "/media/";
  private Deployment reviews;

  @BeforeEach
  void deploy() {
    reviews = ReviewsFixture.deploy(2);
  }

  @AfterEach
  void undeploy() {
    reviews.undeploy();
  }

  @Test
  void jpegPngAndWebpUploadsGetRenditionsWithoutTheirMetadata() {
    UUID user = UUID.randomUUID();
    byte[] photo = TestPhotos.jpegWithMetadata(400, 300);
    assertThat(TestPhotos.contains(photo, TestPhotos.SECRET)).isTrue();

    JsonObject jpeg = upload(user, photo).orThrow();
    assertThat(jpeg.getString("id")).matches("[0-9a-f-]{36}");
    assertThat(jpeg.getInteger("width")).isEqualTo(400);
    assertThat(jpeg.getInteger("height")).isEqualTo(300);
    assertThat(jpeg.getString("thumbnail")).isEqualTo(MEDIA + "reviews/" + user + "/" + jpeg.getString("id")
        + "/thumbnail.jpg");
    byte[] thumbnail = object(jpeg.getString("thumbnail"));
    byte[] large = object(jpeg.getString("large"));
    assertThat(TestPhotos.decode(thumbnail).getWidth()).isEqualTo(200);
    assertThat(TestPhotos.decode(thumbnail).getHeight()).isEqualTo(150);
    assertThat(TestPhotos.decode(large).getWidth()).isEqualTo(400);
    assertThat(TestPhotos.contains(thumbnail, TestPhotos.SECRET)).isFalse();
    assertThat(TestPhotos.contains(large, TestPhotos.SECRET)).isFalse();
    assertThat(TestPhotos.contains(large, "Exif")).isFalse();

    JsonObject served = node().ok(REVIEWS_MEDIA_GET, new JsonObject(),
        new JsonObject().put("key", key(jpeg.getString("large"))), Caller.service());
    assertThat(served.getString("contentType")).isEqualTo("image/jpeg");
    assertThat(served.getBinary("bytes")).isEqualTo(large);
    assertThat(node().fails(REVIEWS_MEDIA_GET, new JsonObject(), new JsonObject().put("key", "reviews/../secret"),
        Caller.service()).status()).isEqualTo(404);

    JsonObject png = upload(user, TestPhotos.png(64, 48)).orThrow();
    assertThat(TestPhotos.decode(object(png.getString("large"))).getWidth()).isEqualTo(64);
    JsonObject webp = upload(user, TestPhotos.webp()).orThrow();
    BufferedImage webpThumbnail = TestPhotos.decode(object(webp.getString("thumbnail")));
    assertThat(webpThumbnail.getWidth()).isEqualTo(64);
    assertThat(webpThumbnail.getHeight()).isEqualTo(48);

    Document record = record(jpeg.getString("id"));
    assertThat(record.getString("userId")).isEqualTo(user.toString());
    assertThat(record.getString("reviewId")).isNull();
    assertThat(record.getDate("expiresAt")).isAfter(record.getDate("createdAt"));
  }

  @Test
  void disguisedEmptyAndDamagedUploadsAreRefused() {
    UUID user = UUID.randomUUID();
    ServiceException html = upload(user, "<html><script>alert(1)</script></html>".getBytes()).failure();
    assertThat(html.status()).isEqualTo(415);
    assertThat(html.code()).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
    ServiceException text = upload(user, "just some text, named photo.jpg".getBytes()).failure();
    assertThat(text.code()).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
    assertThat(upload(user, new byte[0]).failure().code()).isEqualTo("EMPTY_FILE");
    byte[] whole = TestPhotos.png(64, 48);
    byte[] cut = java.util.Arrays.copyOf(whole, whole.length - 20);
    ServiceException damaged = upload(user, cut).failure();
    assertThat(damaged.status()).isEqualTo(400);
    assertThat(damaged.code()).isEqualTo("INVALID_IMAGE");
  }

  @Test
  void uploadsBeyondTheSizeOrPixelLimitAreRefused() {
    redeploy(reviewsConf -> reviewsConf.getJsonObject("images").put("maxBytes", 100_000).put("maxPixels", 1_000_000));
    UUID user = UUID.randomUUID();
    byte[] big = TestPhotos.noisePng(300, 300);
    assertThat(big.length).isGreaterThan(100_000);
    ServiceException tooBig = upload(user, big).failure();
    assertThat(tooBig.status()).isEqualTo(413);
    assertThat(tooBig.code()).isEqualTo("PAYLOAD_TOO_LARGE");
    byte[] wide = TestPhotos.plainPng(1100, 1000);
    assertThat(wide.length).isLessThan(100_000);
    ServiceException tooManyPixels = upload(user, wide).failure();
    assertThat(tooManyPixels.status()).isEqualTo(400);
    assertThat(tooManyPixels.code()).isEqualTo("INVALID_IMAGE");
    assertThat(tooManyPixels.getMessage()).contains("1.0 megapixels");
  }

  @Test
  void aBuyerAttachesTheirImagesTheReviewWaitsForModerationAndTheListFiltersOnImages() {
    UUID product = UUID.randomUUID();
    UUID buyer = deliveredBuyer(product);
    String first = upload(buyer, TestPhotos.jpeg(300, 200)).orThrow().getString("id");
    JsonObject second = upload(buyer, TestPhotos.png(40, 40)).orThrow();

    JsonObject review = create(buyer, product, body(5).put("images", new JsonArray().add(second.getString("id"))
        .add(first))).orThrow();
    assertThat(review.getString("status")).isEqualTo("PENDING");
    JsonArray images = review.getJsonArray("images");
    assertThat(images).hasSize(2);
    assertThat(images.getJsonObject(0)).isEqualTo(new JsonObject().put("id", second.getString("id"))
        .put("thumbnail", second.getString("thumbnail")).put("large", second.getString("large")));
    assertThat(images.getJsonObject(1).getString("id")).isEqualTo(first);
    assertThat(record(first).getString("reviewId")).isEqualTo(review.getString("id"));
    assertThat(record(first).get("expiresAt")).isNull();
    Document stored = reviewDocument(review.getString("id"));
    assertThat(stored.getList("images", Document.class)).hasSize(2);

    UUID plainBuyer = deliveredBuyer(product);
    JsonObject plain = create(plainBuyer, product, body(3)).orThrow();
    assertThat(plain.getString("status")).isEqualTo("PUBLISHED");
    assertThat(plain.getJsonArray("images")).isEmpty();
    assertThat(reviewDocument(plain.getString("id")).containsKey("images")).isFalse();

    node().ok(REVIEWS_ADMIN_PUBLISH, params(review.getString("id")), new JsonObject(), Caller.admin());
    assertThat(ids(list(product, new JsonObject()))).containsExactlyInAnyOrder(review.getString("id"),
        plain.getString("id"));
    JsonObject withImages = list(product, new JsonObject().put("withImages", "true"));
    assertThat(ids(withImages)).containsExactly(review.getString("id"));
    assertThat(withImages.getJsonArray("items").getJsonObject(0).getJsonArray("images")).isEqualTo(images);
    assertThat(ids(list(product, new JsonObject().put("withImages", "false")))).containsExactly(plain.getString("id"));
    ServiceException badFlag = BusTestNode.await(node().send(REVIEWS_LIST, params(product),
        new JsonObject().put("withImages", "yes"), new JsonObject(), Caller.anonymous())).failure();
    assertThat(badFlag.status()).isEqualTo(400);
  }

  @Test
  void anotherUsersUnknownOrAttachedImageIsRefusedAndNothingIsAttached() {
    UUID product = UUID.randomUUID();
    UUID otherProduct = UUID.randomUUID();
    UUID buyer = deliveredBuyer(product, otherProduct);
    String own = upload(buyer, TestPhotos.jpeg(50, 50)).orThrow().getString("id");
    String foreign = upload(UUID.randomUUID(), TestPhotos.jpeg(50, 50)).orThrow().getString("id");

    ServiceException stranger = create(buyer, product, body(4).put("images", new JsonArray().add(own).add(foreign)))
        .failure();
    assertThat(stranger.status()).isEqualTo(422);
    assertThat(stranger.code()).isEqualTo("REVIEW_IMAGE_NOT_FOUND");
    assertThat(record(own).getString("reviewId")).isNull();
    assertThat(record(foreign).getString("reviewId")).isNull();
    ServiceException unknown = create(buyer, product, body(4).put("images",
        new JsonArray().add(UUID.randomUUID().toString()))).failure();
    assertThat(unknown.code()).isEqualTo("REVIEW_IMAGE_NOT_FOUND");
    ServiceException malformed = create(buyer, product, body(4).put("images", new JsonArray().add("nope"))).failure();
    assertThat(malformed.status()).isEqualTo(400);
    ServiceException twice = create(buyer, product, body(4).put("images", new JsonArray().add(own).add(own)))
        .failure();
    assertThat(twice.status()).isEqualTo(400);

    JsonObject review = create(buyer, product, body(4).put("images", new JsonArray().add(own))).orThrow();
    ServiceException attached = create(buyer, otherProduct, body(2).put("images", new JsonArray().add(own)))
        .failure();
    assertThat(attached.status()).isEqualTo(422);
    assertThat(attached.code()).isEqualTo("REVIEW_IMAGE_ATTACHED");
    assertThat(record(own).getString("reviewId")).isEqualTo(review.getString("id"));

    // a second review of the product is refused and gives its images back
    String spare = upload(buyer, TestPhotos.jpeg(50, 50)).orThrow().getString("id");
    assertThat(create(buyer, product, body(1).put("images", new JsonArray().add(spare))).failure().code())
        .isEqualTo("REVIEW_EXISTS");
    assertThat(record(spare).getString("reviewId")).isNull();
    assertThat(create(buyer, otherProduct, body(2).put("images", new JsonArray().add(spare))).orThrow()
        .getJsonArray("images")).hasSize(1);
  }

  @Test
  void moreImagesThanTheLimitAreRefused() {
    redeploy(reviewsConf -> reviewsConf.put("maxImages", 2));
    UUID product = UUID.randomUUID();
    UUID buyer = deliveredBuyer(product);
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      ids.add(upload(buyer, TestPhotos.png(20, 20)).orThrow().getString("id"));
    }
    ServiceException tooMany = create(buyer, product, body(5).put("images", new JsonArray(ids))).failure();
    assertThat(tooMany.status()).isEqualTo(422);
    assertThat(tooMany.code()).isEqualTo("TOO_MANY_IMAGES");
    assertThat(record(ids.get(0)).getString("reviewId")).isNull();

    JsonObject review = create(buyer, product, body(5).put("images", new JsonArray(ids.subList(0, 2)))).orThrow();
    ServiceException editTooMany = node().fails(REVIEWS_UPDATE, params(review.getString("id")),
        new JsonObject().put("images", new JsonArray(ids)), Caller.user(buyer.toString()));
    assertThat(editTooMany.code()).isEqualTo("TOO_MANY_IMAGES");
    assertThat(record(ids.get(2)).getString("reviewId")).isNull();
  }

  @Test
  void anEditReplacesTheImagesAndDropsThoseLeftOut() {
    UUID product = UUID.randomUUID();
    UUID buyer = deliveredBuyer(product);
    String a = upload(buyer, TestPhotos.png(20, 20)).orThrow().getString("id");
    String b = upload(buyer, TestPhotos.png(20, 20)).orThrow().getString("id");
    String c = upload(buyer, TestPhotos.png(20, 20)).orThrow().getString("id");
    JsonObject review = create(buyer, product, body(4).put("images", new JsonArray().add(a).add(b))).orThrow();
    String id = review.getString("id");

    JsonObject retitled = node().ok(REVIEWS_UPDATE, params(id), new JsonObject().put("title", "Still good"),
        Caller.user(buyer.toString()));
    assertThat(retitled.getJsonArray("images")).isEqualTo(review.getJsonArray("images"));

    JsonObject edited = node().ok(REVIEWS_UPDATE, params(id), new JsonObject().put("images",
        new JsonArray().add(c).add(b)), Caller.user(buyer.toString()));
    assertThat(edited.getJsonArray("images").stream().map(i -> ((JsonObject) i).getString("id")))
        .containsExactly(c, b);
    assertThat(edited.getString("status")).isEqualTo("PENDING");
    assertThat(record(c).getString("reviewId")).isEqualTo(id);
    Document dropped = record(a);
    assertThat(dropped.getString("reviewId")).isNull();
    assertThat(dropped.getDate("expiresAt")).isBeforeOrEqualTo(new java.util.Date());

    JsonObject none = node().ok(REVIEWS_UPDATE, params(id), new JsonObject().put("images", new JsonArray()),
        Caller.user(buyer.toString()));
    assertThat(none.getJsonArray("images")).isEmpty();
    assertThat(none.getString("status")).isEqualTo("PUBLISHED");
    assertThat(record(b).getString("reviewId")).isNull();
  }

  @Test
  void twoReviewsRacingForOneImageNeverBothGetIt() {
    for (int round = 0; round < 5; round++) {
      UUID product = UUID.randomUUID();
      UUID otherProduct = UUID.randomUUID();
      UUID buyer = deliveredBuyer(product, otherProduct);
      String image = upload(buyer, TestPhotos.png(20, 20)).orThrow().getString("id");
      JsonObject withImage = body(5).put("images", new JsonArray().add(image));
      List<BusTestNode.Reply> replies = BusTestNode.awaitAll(List.of(
          node().send(REVIEWS_CREATE, params(product), withImage, Caller.user(buyer.toString())),
          node().send(REVIEWS_CREATE, params(otherProduct), withImage, Caller.user(buyer.toString()))));
      assertThat(replies.stream().filter(BusTestNode.Reply::ok)).hasSize(1);
      assertThat(replies.stream().filter(r -> !r.ok()).map(r -> r.failure().code()))
          .containsExactly("REVIEW_IMAGE_ATTACHED");
      String winner = replies.stream().filter(BusTestNode.Reply::ok).findFirst().orElseThrow().body().getString("id");
      assertThat(record(image).getString("reviewId")).isEqualTo(winner);
    }
  }

  @Test
  void theSweepRemovesUploadsNeverAttachedAndImagesOfDeletedReviews() {
    redeploy(reviewsConf -> reviewsConf.getJsonObject("images").put("unattachedTtlSeconds", 1)
        .put("sweepIntervalSeconds", 1), 2);
    UUID product = UUID.randomUUID();
    UUID spareProduct = UUID.randomUUID();
    UUID buyer = deliveredBuyer(product, spareProduct);
    JsonObject left = upload(buyer, TestPhotos.jpeg(60, 40)).orThrow();
    JsonObject kept = upload(buyer, TestPhotos.jpeg(60, 40)).orThrow();
    JsonObject review = create(buyer, product, body(4).put("images", new JsonArray().add(kept.getString("id"))))
        .orThrow();
    assertThat(object(left.getString("thumbnail"))).isNotNull();

    Await.until("the unattached upload to be swept", TIMEOUT, () -> record(left.getString("id")) == null);
    assertThat(object(left.getString("thumbnail"))).isNull();
    assertThat(object(left.getString("large"))).isNull();
    ServiceException gone = create(buyer, spareProduct, body(3)
        .put("images", new JsonArray().add(left.getString("id")))).failure();
    assertThat(gone.status()).isEqualTo(422);
    assertThat(gone.code()).isEqualTo("REVIEW_IMAGE_NOT_FOUND");
    // the attached one outlives its upload's time
    assertThat(record(kept.getString("id"))).isNotNull();
    assertThat(object(kept.getString("large"))).isNotNull();

    node().ok(REVIEWS_DELETE, params(review.getString("id")), new JsonObject(), Caller.user(buyer.toString()));
    Await.until("the deleted review's image to be swept", TIMEOUT, () -> record(kept.getString("id")) == null);
    assertThat(object(kept.getString("thumbnail"))).isNull();
    assertThat(object(kept.getString("large"))).isNull();
  }

  // -- helpers -----------------------------------------------------------------------------------------------------

  private void redeploy(Consumer<JsonObject> reviewsConf) {
    redeploy(reviewsConf, 1);
  }

  private void redeploy(Consumer<JsonObject> reviewsConf, int instances) {
    reviews.undeploy();
    JsonObject config = node().config().copy();
    reviewsConf.accept(config.getJsonObject("reviews"));
    reviews = ReviewsFixture.deploy(instances, config);
  }

  private static UUID deliveredBuyer(UUID... products) {
    UUID buyer = UUID.randomUUID();
    TestOrder order = new TestOrder(buyer);
    for (UUID product : products) {
      order.line(product, UUID.randomUUID(), 1);
    }
    send(order.deliveredEvents());
    awaitCaughtUp();
    return buyer;
  }

  private static BusTestNode.Reply upload(UUID user, byte[] bytes) {
    return node().call(REVIEWS_IMAGE_UPLOAD, new JsonObject(), new JsonObject().put("file", bytes),
        Caller.user(user.toString()));
  }

  private static BusTestNode.Reply create(UUID user, UUID product, JsonObject body) {
    return node().call(REVIEWS_CREATE, params(product), body, Caller.user(user.toString()));
  }

  private static JsonObject list(UUID product, JsonObject query) {
    return BusTestNode.await(node().send(REVIEWS_LIST, params(product), query, new JsonObject(), Caller.anonymous()))
        .orThrow();
  }

  private static List<String> ids(JsonObject page) {
    return page.getJsonArray("items").stream().map(i -> ((JsonObject) i).getString("id")).toList();
  }

  private static JsonObject body(int rating) {
    return new JsonObject().put("rating", rating).put("body", "Review " + UUID.randomUUID());
  }

  private static JsonObject params(Object id) {
    return new JsonObject().put("id", id.toString());
  }

  private static String key(String url) {
    assertThat(url).startsWith(MEDIA);
    return url.substring(MEDIA.length());
  }

  private static Document record(String imageId) {
    return first(ReviewImageRepository.COLLECTION, imageId);
  }

  private static Document reviewDocument(String reviewId) {
    return first(ReviewRepository.COLLECTION, reviewId);
  }

  private static Document first(String collection, String id) {
    List<Document> found = BusTestNode.await(Publishers.collect(node().vertx(),
        ReviewsFixture.database().getCollection(collection).find(Filters.eq("_id", id))));
    return found.isEmpty() ? null : found.get(0);
  }

  private static MinioClient s3;

  /** The bytes of the object behind a media URL, or null when there is none. */
  private static synchronized byte[] object(String url) {
    if (s3 == null) {
      s3 = S3Clients.create(node().config());
    }
    try (InputStream in = s3.getObject(GetObjectArgs.builder().bucket(ReviewImageService.BUCKET).object(key(url))
        .build())) {
      return in.readAllBytes();
    } catch (ErrorResponseException e) {
      if ("NoSuchKey".equals(e.errorResponse().code())) {
        return null;
      }
      throw new IllegalStateException(e);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
