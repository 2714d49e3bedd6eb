package io.polymart.main;

import io.polymart.core.client.BusClient;
import io.polymart.core.client.BusSettings;
import io.polymart.testing.Await;
import io.polymart.testing.HttpTestClient.Reply;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static io.polymart.core.bus.Addresses.REVIEWS_PURCHASES_LIST;
import static io.polymart.main.CatalogFixtures.API;
import static io.polymart.main.CatalogFixtures.image;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Through the gateway: a buyer uploads a photo (multipart), attaches it to their review, and once the review is
 * published anyone fetches its thumbnail under /media/ as product images are served; a disguised upload is refused.
 */
class ReviewImagesJourneyTest {
  private final Shop shop = new Shop();

  @Test
  void aBuyerUploadsAPhotoAttachesItAndItsThumbnailIsServed() throws Exception {
    Shop.Buyer buyer = shop.buyer();
    Shop.Sku sku = shop.stockedSku("12.00", 5);
    String orderId = shop.paidOrder(buyer, sku, 1).getString("id");
    assertThat(shop.staff(shop.seller(), orderId, "ship", new JsonObject().put("carrier", "SF")
        .put("trackingNo", "SF-I1")).status()).isEqualTo(200);
    assertThat(shop.staff(shop.seller(), orderId, "deliver", null).status()).isEqualTo(200);
    awaitEligible(buyer, sku);
    String uploads = API + "/reviews/images";

    byte[] html = "<html><body><script>alert(1)</script></body></html>".getBytes(StandardCharsets.UTF_8);
    CatalogFixtures.Multipart disguised = image("photo.jpg", "image/jpeg", html);
    Reply refused = shop.fx.send(buyer.session(), "POST", uploads, disguised.contentType(), disguised.bytes());
    assertThat(refused.status()).as(refused.toString()).isEqualTo(415);
    assertThat(refused.errorCode()).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
    CatalogFixtures.Multipart photo = image("photo.jpg", "image/jpeg", CatalogFixtures.jpeg(640, 480));
    assertThat(shop.fx.send(null, "POST", uploads, photo.contentType(), photo.bytes()).status()).isEqualTo(401);

    Reply uploaded = shop.fx.send(buyer.session(), "POST", uploads, photo.contentType(), photo.bytes());
    assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
    String imageId = uploaded.json().getString("id");
    String thumbnail = uploaded.json().getString("thumbnail");
    assertThat(thumbnail).startsWith("/media/reviews/");

    String reviews = API + "/products/" + sku.productId() + "/reviews";
    Reply created = shop.http.post(reviews).bearer(buyer.token()).json(new JsonObject().put("rating", 5)
        .put("body", "As pictured").put("images", new JsonArray().add(imageId))).send();
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    assertThat(created.json().getString("status")).isEqualTo("PENDING");
    assertThat(created.json().getJsonArray("images").getJsonObject(0)).isEqualTo(new JsonObject()
        .put("id", imageId).put("thumbnail", thumbnail).put("large", uploaded.json().getString("large")));

    String reviewId = created.json().getString("id");
    assertThat(shop.http.post(API + "/admin/reviews/" + reviewId + "/publish").bearer(shop.admin().accessToken())
        .send().status()).isEqualTo(200);
    Reply withImages = shop.http.get(reviews + "?withImages=true").send();
    assertThat(withImages.status()).isEqualTo(200);
    assertThat(withImages.json().getJsonArray("items").getJsonObject(0).getJsonArray("images").getJsonObject(0)
        .getString("thumbnail")).isEqualTo(thumbnail);
    assertThat(shop.http.get(reviews + "?withImages=false").send().json().getLong("total")).isZero();

    HttpResponse<byte[]> served = CatalogFixtures.media(thumbnail);
    assertThat(served.statusCode()).isEqualTo(200);
    assertThat(served.headers().firstValue("Content-Type")).contains("image/jpeg");
    assertThat(served.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    assertThat(served.headers().firstValue("Cache-Control")).contains("public, max-age=31536000, immutable");
    BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(served.body()));
    assertThat(decoded.getWidth()).isEqualTo(200);
    assertThat(decoded.getHeight()).isEqualTo(150);
    assertThat(CatalogFixtures.media(thumbnail.replace("thumbnail.jpg", "original.jpg")).statusCode())
        .isEqualTo(404);
  }

  private static void awaitEligible(Shop.Buyer buyer, Shop.Sku sku) {
    BusClient bus = new BusClient(TestPlatform.vertx(), new BusSettings(Duration.ofSeconds(15)));
    Await.until("the buyer to be eligible for " + sku.productId(), Duration.ofSeconds(10), () ->
        Await.result(bus.request(REVIEWS_PURCHASES_LIST, new JsonObject().put("userId", buyer.session().userId())),
                Duration.ofSeconds(15)).getJsonArray("items").stream().map(JsonObject.class::cast)
            .anyMatch(item -> item.getString("productId").equals(sku.productId()) && item.getBoolean("eligible")));
  }
}
