package io.polymart.main;

import io.minio.MinioClient;
import io.minio.StatObjectArgs;
import io.minio.errors.ErrorResponseException;
import io.polymart.main.CatalogFixtures.Multipart;
import io.polymart.testing.HttpTestClient.Reply;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import static io.polymart.main.CatalogFixtures.API;
import static io.polymart.main.CatalogFixtures.image;
import static org.assertj.core.api.Assertions.assertThat;

/** POST /products/{id}/images and friends, and the /media/ route that serves the stored objects. */
class ProductImagesTest {
  private static final String IMMUTABLE = "public, max-age=31536000, immutable";
  private final CatalogFixtures fx = new CatalogFixtures();

  private String newProduct(Users.Session seller) {
    JsonObject category = fx.ownCategory("img");
    return fx.publishedProduct(seller, "Pictured " + CatalogFixtures.word(6), category.getString("id"), "15.00")
        .getString("id");
  }

  @Test
  void jpegPngAndWebpUploadsAreStoredAndServedWithTheirRenditions() throws Exception {
    Users.Session seller = fx.seller();
    String productId = newProduct(seller);

    byte[] jpeg = CatalogFixtures.jpeg(1200, 600);
    JsonObject first = fx.uploadOk(seller, productId, image("photo.jpg", "image/jpeg", jpeg));
    assertThat(first.getString("contentType")).isEqualTo("image/jpeg");
    assertThat(first.getInteger("width")).isEqualTo(1200);
    assertThat(first.getInteger("height")).isEqualTo(600);
    assertThat(first.getBoolean("cover")).isTrue();
    assertThat(first.getInteger("position")).isEqualTo(1);
    assertRenditions(first, jpeg, "image/jpeg", "image/jpeg", 800, 400, 200, 100);

    byte[] png = CatalogFixtures.png(900, 1000, true);
    JsonObject second = fx.uploadOk(seller, productId, image("logo.png", "image/png", png));
    assertThat(second.getString("contentType")).isEqualTo("image/png");
    assertThat(second.getBoolean("cover")).isFalse();
    assertThat(second.getInteger("position")).isEqualTo(2);
    // transparency survives: the renditions of an image with alpha are PNGs
    assertRenditions(second, png, "image/png", "image/png", 720, 800, 180, 200);

    byte[] webp = CatalogFixtures.webp();
    JsonObject third = fx.uploadOk(seller, productId, image("pic.webp", "image/webp", webp));
    assertThat(third.getString("contentType")).isEqualTo("image/webp");
    assertThat(third.getInteger("width")).isEqualTo(64);
    assertThat(third.getInteger("height")).isEqualTo(48);
    assertThat(third.getInteger("position")).isEqualTo(3);
    // small images are not enlarged; renditions of an opaque WebP are JPEGs
    assertRenditions(third, webp, "image/webp", "image/jpeg", 64, 48, 64, 48);

    JsonArray images = fx.detail(productId, null).getJsonArray("images");
    assertThat(CatalogFixtures.ids(images)).containsExactly(first.getString("id"), second.getString("id"),
        third.getString("id"));
    assertThat(images.getJsonObject(1)).isEqualTo(second);

    // the objects are really in the bucket
    MinioClient s3 = s3();
    for (JsonObject image : List.of(first, second, third)) {
      for (String size : List.of("original", "medium", "thumbnail")) {
        String key = image.getJsonObject("urls").getString(size).substring("/media/".length());
        assertThat(s3.statObject(StatObjectArgs.builder().bucket("product-images").object(key).build()).size())
            .isPositive();
      }
    }
  }

  private static void assertRenditions(JsonObject image, byte[] original, String originalType, String renditionType,
      int mediumWidth, int mediumHeight, int thumbWidth, int thumbHeight) {
    JsonObject urls = image.getJsonObject("urls");
    assertThat(urls.getString("original")).startsWith("/media/products/");
    HttpResponse<byte[]> served = CatalogFixtures.media(urls.getString("original"));
    assertThat(served.statusCode()).isEqualTo(200);
    assertThat(served.headers().firstValue("Content-Type")).hasValue(originalType);
    assertThat(served.headers().firstValue("Cache-Control")).hasValue(IMMUTABLE);
    assertThat(served.body()).isEqualTo(original);

    HttpResponse<byte[]> medium = CatalogFixtures.media(urls.getString("medium"));
    assertThat(medium.statusCode()).isEqualTo(200);
    assertThat(medium.headers().firstValue("Content-Type")).hasValue(renditionType);
    assertThat(medium.headers().firstValue("Cache-Control")).hasValue(IMMUTABLE);
    BufferedImage mediumImage = CatalogFixtures.decode(medium.body());
    assertThat(mediumImage.getWidth()).isEqualTo(mediumWidth).isLessThanOrEqualTo(800);
    assertThat(mediumImage.getHeight()).isEqualTo(mediumHeight).isLessThanOrEqualTo(800);

    HttpResponse<byte[]> thumbnail = CatalogFixtures.media(urls.getString("thumbnail"));
    assertThat(thumbnail.statusCode()).isEqualTo(200);
    assertThat(thumbnail.headers().firstValue("Content-Type")).hasValue(renditionType);
    assertThat(thumbnail.headers().firstValue("Cache-Control")).hasValue(IMMUTABLE);
    BufferedImage thumbnailImage = CatalogFixtures.decode(thumbnail.body());
    assertThat(thumbnailImage.getWidth()).isEqualTo(thumbWidth).isLessThanOrEqualTo(200);
    assertThat(thumbnailImage.getHeight()).isEqualTo(thumbHeight).isLessThanOrEqualTo(200);
  }

  @Test
  void rejectedUploadsLeaveTheImagesAsTheyWere() {
    Users.Session seller = fx.seller();
    String productId = newProduct(seller);
    JsonObject kept = fx.uploadOk(seller, productId, image("a.jpg", "image/jpeg", CatalogFixtures.jpeg(50, 40)));
    JsonArray before = fx.detail(productId, seller).getJsonArray("images");
    long maxBytes = TestPlatform.config().getJsonObject("catalog").getJsonObject("images").getLong("maxBytes");

    assertRejected(seller, productId, image("empty.jpg", "image/jpeg", new byte[0]), 400, "EMPTY_FILE", before);
    assertRejected(seller, productId, image("x.jpg", "image/jpeg",
        "this is not an image at all\n".getBytes(StandardCharsets.UTF_8)), 415, "UNSUPPORTED_MEDIA_TYPE", before);
    byte[] jpeg = CatalogFixtures.jpeg(400, 300);
    assertRejected(seller, productId, image("cut.jpg", "image/jpeg", Arrays.copyOf(jpeg, jpeg.length / 2)), 400,
        "INVALID_IMAGE", before);
    byte[] png = CatalogFixtures.png(120, 80, false);
    assertRejected(seller, productId, image("cut.png", "image/png", Arrays.copyOf(png, png.length - 20)), 400,
        "INVALID_IMAGE", before);
    // one byte over the limit is too large; exactly at the limit it is judged as an image (and this one is not)
    assertRejected(seller, productId, image("huge.jpg", "image/jpeg", jpegHeaderedNoise((int) maxBytes + 1)), 413,
        "PAYLOAD_TOO_LARGE", before);
    assertRejected(seller, productId, image("limit.jpg", "image/jpeg", jpegHeaderedNoise((int) maxBytes)), 400,
        "INVALID_IMAGE", before);
    assertRejected(seller, productId, new Multipart().file("picture", "a.jpg", "image/jpeg",
        CatalogFixtures.jpeg(20, 20)), 400, "VALIDATION_FAILED", before);
    assertRejected(seller, productId, new Multipart().field("cover", "true"), 400, "VALIDATION_FAILED", before);
    assertRejected(seller, productId, image("a.jpg", "image/jpeg", CatalogFixtures.jpeg(20, 20))
        .field("cover", "maybe"), 400, "VALIDATION_FAILED", before);

    Reply notMultipart = fx.send(seller, "POST", API + "/products/" + productId + "/images", "image/jpeg",
        CatalogFixtures.jpeg(20, 20));
    assertThat(notMultipart.status()).as(notMultipart.toString()).isEqualTo(415);
    assertThat(notMultipart.errorCode()).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
    Reply json = fx.send(seller, "POST", API + "/products/" + productId + "/images", "application/json",
        "{\"file\":\"x\"}".getBytes(StandardCharsets.UTF_8));
    assertThat(json.status()).as(json.toString()).isEqualTo(415);
    assertThat(fx.detail(productId, seller).getJsonArray("images")).isEqualTo(before);

    // the bytes decide, not the name or the declared type: a PNG called .jpg is a PNG
    JsonObject renamed = fx.uploadOk(seller, productId, image("really-a-png.jpg", "image/jpeg",
        CatalogFixtures.png(30, 20, false)));
    assertThat(renamed.getString("contentType")).isEqualTo("image/png");
    assertThat(renamed.getJsonObject("urls").getString("original")).endsWith("/original.png");
    HttpResponse<byte[]> served = CatalogFixtures.media(renamed.getJsonObject("urls").getString("original"));
    assertThat(served.headers().firstValue("Content-Type")).hasValue("image/png");
    assertThat(CatalogFixtures.ids(fx.detail(productId, seller).getJsonArray("images")))
        .containsExactly(kept.getString("id"), renamed.getString("id"));
  }

  private static byte[] jpegHeaderedNoise(int size) {
    byte[] bytes = new byte[size];
    ThreadLocalRandom.current().nextBytes(bytes);
    bytes[0] = (byte) 0xFF;
    bytes[1] = (byte) 0xD8;
    bytes[2] = (byte) 0xFF;
    bytes[3] = (byte) 0xE0;
    return bytes;
  }

  private void assertRejected(Users.Session who, String productId, Multipart body, int status, String code,
      JsonArray imagesBefore) {
    Reply reply = fx.upload(who, productId, body);
    assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
    assertThat(reply.errorCode()).as(reply.toString()).isEqualTo(code);
    assertThat(fx.detail(productId, who).getJsonArray("images")).as("images after " + code)
        .isEqualTo(imagesBefore);
  }

  @Test
  void theCoverFollowsUploadsChoicesAndDeletions() throws Exception {
    Users.Session seller = fx.seller();
    String productId = newProduct(seller);

    JsonObject a = upload(seller, productId, null);
    JsonObject b = upload(seller, productId, "false");
    assertThat(covers(productId, seller)).containsExactly(a.getString("id"));
    JsonObject c = upload(seller, productId, "true");
    assertThat(c.getBoolean("cover")).isTrue();
    assertThat(covers(productId, seller)).containsExactly(c.getString("id"));
    assertThat(summaryImage(seller, productId)).isEqualTo(c.getJsonObject("urls"));

    Reply moved = fx.http.post(API + "/products/" + productId + "/images/" + b.getString("id") + "/cover")
        .bearer(seller.accessToken()).send();
    assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
    assertThat(coversOf(moved.json().getJsonArray("items"))).containsExactly(b.getString("id"));
    assertThat(covers(productId, seller)).containsExactly(b.getString("id"));
    assertThat(summaryImage(seller, productId)).isEqualTo(b.getJsonObject("urls"));

    // deleting the cover: the first remaining image takes over, positions close up
    Reply deleted = fx.http.delete(API + "/products/" + productId + "/images/" + b.getString("id"))
        .bearer(seller.accessToken()).send();
    assertThat(deleted.status()).as(deleted.toString()).isEqualTo(204);
    JsonArray images = fx.detail(productId, seller).getJsonArray("images");
    assertThat(CatalogFixtures.ids(images)).containsExactly(a.getString("id"), c.getString("id"));
    assertThat(coversOf(images)).containsExactly(a.getString("id"));
    assertThat(images.stream().map(i -> ((JsonObject) i).getInteger("position")).toList()).containsExactly(1, 2);
    for (String size : List.of("original", "medium", "thumbnail")) {
      String url = b.getJsonObject("urls").getString(size);
      assertThat(CatalogFixtures.media(url).statusCode()).as(url).isEqualTo(404);
      assertThat(exists(s3(), url.substring("/media/".length()))).as(url).isFalse();
    }

    // deleting a non-cover image keeps the cover
    assertThat(fx.http.delete(API + "/products/" + productId + "/images/" + c.getString("id"))
        .bearer(seller.accessToken()).send().status()).isEqualTo(204);
    assertThat(covers(productId, seller)).containsExactly(a.getString("id"));
    assertThat(fx.http.delete(API + "/products/" + productId + "/images/" + c.getString("id"))
        .bearer(seller.accessToken()).send().status()).isEqualTo(404);
    assertThat(fx.http.post(API + "/products/" + productId + "/images/" + c.getString("id") + "/cover")
        .bearer(seller.accessToken()).send().status()).isEqualTo(404);
  }

  @Test
  void imagesCanBeReorderedWithExactlyTheirIds() {
    Users.Session seller = fx.seller();
    String productId = newProduct(seller);
    JsonObject a = upload(seller, productId, null);
    JsonObject b = upload(seller, productId, null);
    JsonObject c = upload(seller, productId, null);

    Reply reordered = reorder(seller, productId, c, a, b);
    assertThat(reordered.status()).as(reordered.toString()).isEqualTo(200);
    JsonArray items = reordered.json().getJsonArray("items");
    assertThat(CatalogFixtures.ids(items)).containsExactly(c.getString("id"), a.getString("id"), b.getString("id"));
    assertThat(items.stream().map(i -> ((JsonObject) i).getInteger("position")).toList()).containsExactly(1, 2, 3);
    JsonArray stored = fx.detail(productId, null).getJsonArray("images");
    assertThat(CatalogFixtures.ids(stored)).containsExactly(c.getString("id"), a.getString("id"), b.getString("id"));
    // reordering does not move the cover
    assertThat(coversOf(stored)).containsExactly(a.getString("id"));

    JsonObject stranger = new JsonObject().put("id", java.util.UUID.randomUUID().toString());
    for (Reply wrong : List.of(reorder(seller, productId, a, b), reorder(seller, productId, a, b, c, stranger),
        reorder(seller, productId, a, b, stranger), reorder(seller, productId, a, a, b, c),
        reorder(seller, productId))) {
      assertThat(wrong.status()).as(wrong.toString()).isEqualTo(400);
      assertThat(wrong.errorCode()).isEqualTo("VALIDATION_FAILED");
    }
    Reply notUuid = fx.http.put(API + "/products/" + productId + "/images/order").bearer(seller.accessToken())
        .json(new JsonObject().put("imageIds", new JsonArray().add("one").add("two").add("three"))).send();
    assertThat(notUuid.status()).isEqualTo(400);
    assertThat(CatalogFixtures.ids(fx.detail(productId, null).getJsonArray("images")))
        .containsExactly(c.getString("id"), a.getString("id"), b.getString("id"));
  }

  @Test
  void aProductHoldsAtMostTheConfiguredNumberOfImages() {
    Users.Session seller = fx.seller();
    String productId = newProduct(seller);
    int max = TestPlatform.config().getJsonObject("catalog").getJsonObject("images").getInteger("maxPerProduct");
    byte[] png = CatalogFixtures.png(8, 8, false);
    for (int i = 0; i < max; i++) {
      fx.uploadOk(seller, productId, image("i" + i + ".png", "image/png", png));
    }
    Reply tooMany = fx.upload(seller, productId, image("more.png", "image/png", png));
    assertThat(tooMany.status()).as(tooMany.toString()).isEqualTo(409);
    assertThat(tooMany.errorCode()).isEqualTo("TOO_MANY_IMAGES");
    assertThat(fx.detail(productId, seller).getJsonArray("images")).hasSize(max);
  }

  @Test
  void unknownOrMalformedMediaKeysAreNotFound() {
    String unknown = "/media/products/" + java.util.UUID.randomUUID() + "/" + java.util.UUID.randomUUID()
        + "/original.jpg";
    for (String path : List.of(unknown, "/media/", "/media/nothing-here.jpg", "/media/products/../../etc/passwd",
        "/media/products/x/y/original.gif")) {
      HttpResponse<byte[]> response = CatalogFixtures.media(path);
      assertThat(response.statusCode()).as(path).isEqualTo(404);
      assertThat(response.headers().firstValue("Content-Type")).as(path).hasValueSatisfying(
          type -> assertThat(type).startsWith("application/json"));
      JsonObject error = new JsonObject(new String(response.body(), StandardCharsets.UTF_8));
      assertThat(error.getJsonObject("error").getString("code")).as(path).isEqualTo("NOT_FOUND");
    }
  }

  @Test
  void onlyTheSellerOrAnAdminMayUpload() {
    Users.Session seller = fx.seller();
    Users.Session other = fx.seller();
    Users.Session customer = fx.customer();
    String productId = newProduct(seller);

    Reply foreign = fx.upload(other, productId, image("a.jpg", "image/jpeg", CatalogFixtures.jpeg(20, 20)));
    assertThat(foreign.status()).as(foreign.toString()).isEqualTo(403);
    assertThat(foreign.errorCode()).isEqualTo("FORBIDDEN");
    Reply byCustomer = fx.upload(customer, productId, image("a.jpg", "image/jpeg", CatalogFixtures.jpeg(20, 20)));
    assertThat(byCustomer.status()).as(byCustomer.toString()).isEqualTo(403);
    Reply anonymous = fx.upload(null, productId, image("a.jpg", "image/jpeg", CatalogFixtures.jpeg(20, 20)));
    assertThat(anonymous.status()).as(anonymous.toString()).isEqualTo(401);
    Reply unknownProduct = fx.upload(seller, java.util.UUID.randomUUID().toString(),
        image("a.jpg", "image/jpeg", CatalogFixtures.jpeg(20, 20)));
    assertThat(unknownProduct.status()).as(unknownProduct.toString()).isEqualTo(404);
    assertThat(fx.detail(productId, seller).getJsonArray("images")).isEmpty();

    JsonObject byAdmin = fx.uploadOk(fx.admin(), productId, image("a.jpg", "image/jpeg", CatalogFixtures.jpeg(20, 20)));
    assertThat(CatalogFixtures.ids(fx.detail(productId, seller).getJsonArray("images")))
        .containsExactly(byAdmin.getString("id"));
  }

  // ---------------------------------------------------------------- helpers

  private JsonObject upload(Users.Session seller, String productId, String cover) {
    Multipart body = image("p.jpg", "image/jpeg", CatalogFixtures.jpeg(30, 20));
    if (cover != null) {
      body.field("cover", cover);
    }
    return fx.uploadOk(seller, productId, body);
  }

  private Reply reorder(Users.Session seller, String productId, JsonObject... images) {
    JsonArray ids = new JsonArray();
    for (JsonObject image : images) {
      ids.add(image.getString("id"));
    }
    return fx.http.put(API + "/products/" + productId + "/images/order").bearer(seller.accessToken())
        .json(new JsonObject().put("imageIds", ids)).send();
  }

  private List<String> covers(String productId, Users.Session who) {
    return coversOf(fx.detail(productId, who).getJsonArray("images"));
  }

  private static List<String> coversOf(JsonArray images) {
    return images.stream().map(JsonObject.class::cast).filter(i -> i.getBoolean("cover"))
        .map(i -> i.getString("id")).toList();
  }

  /** The image of the product's list entry, which is its cover. */
  private JsonObject summaryImage(Users.Session seller, String productId) {
    Reply list = fx.http.get(API + "/seller/products?size=100").bearer(seller.accessToken()).send();
    assertThat(list.status()).as(list.toString()).isEqualTo(200);
    return list.json().getJsonArray("items").stream().map(JsonObject.class::cast)
        .filter(p -> p.getString("id").equals(productId)).findFirst().orElseThrow().getJsonObject("image");
  }

  private static MinioClient s3() {
    JsonObject s3 = TestPlatform.config().getJsonObject("s3");
    return MinioClient.builder().endpoint(s3.getString("endpoint"))
        .credentials(s3.getString("accessKey"), s3.getString("secretKey")).region(s3.getString("region")).build();
  }

  private static boolean exists(MinioClient s3, String key) throws Exception {
    try {
      s3.statObject(StatObjectArgs.builder().bucket("product-images").object(key).build());
      return true;
    } catch (ErrorResponseException e) {
      return false;
    }
  }
}
