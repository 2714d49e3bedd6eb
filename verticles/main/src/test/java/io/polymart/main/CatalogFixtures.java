package io.polymart.main;

import io.polymart.testing.Await;
import io.polymart.testing.HttpTestClient;
import io.polymart.testing.HttpTestClient.Reply;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Catalog test data created through the HTTP API: sessions with the right roles, categories, brands, products
 * with SKUs, images and multipart uploads. Every name, slug and SKU code carries a random word, so tests sharing
 * the platform and database never see each other's data.
 */
final class CatalogFixtures {
  static final String API = "/api/v1";
  private static final HttpClient RAW = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();
  final HttpTestClient http;
  private final String forwardedFor;
  private Users.Session admin;

  CatalogFixtures() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    this.forwardedFor = "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(1, 255);
    this.http = new HttpTestClient(TestPlatform.baseUrl()).withHeader("X-Forwarded-For", forwardedFor);
  }

  /** Random lower-case letters: an invented word no other test uses. */
  static String word(int length) {
    StringBuilder word = new StringBuilder();
    ThreadLocalRandom random = ThreadLocalRandom.current();
    for (int i = 0; i < length; i++) {
      word.append((char) ('a' + random.nextInt(26)));
    }
    return word.toString();
  }

  static String capitalized(String word) {
    return Character.toUpperCase(word.charAt(0)) + word.substring(1);
  }

  // ---------------------------------------------------------------- sessions

  Users.Session admin() {
    if (admin == null) {
      admin = Users.admin(TestPlatform.client());
    }
    return admin;
  }

  Users.Session customer() {
    return Users.register(TestPlatform.client(), TestPlatform.uniqueEmail("customer"));
  }

  /** A new account that an admin made a seller, logged in again so its token carries the role. */
  Users.Session seller() {
    String email = TestPlatform.uniqueEmail("seller");
    Users.Session registered = Users.register(TestPlatform.client(), email);
    Reply granted = http.patch(API + "/admin/users/" + registered.userId()).bearer(admin().accessToken())
        .json(new JsonObject().put("roles", new JsonArray().add("customer").add("seller"))).send();
    assertThat(granted.status()).as(granted.toString()).isEqualTo(200);
    Users.Session seller = Users.login(TestPlatform.client(), email, Users.PASSWORD);
    Reply me = http.get(API + "/me").bearer(seller.accessToken()).send();
    assertThat(me.json().getJsonArray("roles")).as(me.toString()).contains("seller");
    return seller;
  }

  // ---------------------------------------------------------------- categories and brands

  JsonObject category(String name, String slug, String parentId) {
    return category(new JsonObject().put("name", name).put("slug", slug).put("parentId", parentId));
  }

  JsonObject category(JsonObject body) {
    if (body.getValue("parentId") == null) {
      body.remove("parentId");
    }
    Reply reply = http.post(API + "/categories").bearer(admin().accessToken()).json(body).send();
    assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
    assertThat(reply.json().getString("slug")).isEqualTo(body.getString("slug"));
    return reply.json();
  }

  JsonObject brand(String name, String slug) {
    Reply reply = http.post(API + "/brands").bearer(admin().accessToken())
        .json(new JsonObject().put("name", name).put("slug", slug)).send();
    assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
    return reply.json();
  }

  // ---------------------------------------------------------------- products

  static JsonObject sku(String code, String price) {
    return new JsonObject().put("code", code).put("price", price).put("stock", 10);
  }

  static JsonObject sku(String code, String price, Map<String, String> attributes, int stock) {
    JsonObject attrs = new JsonObject();
    attributes.forEach(attrs::put);
    return new JsonObject().put("code", code).put("price", price).put("attributes", attrs).put("stock", stock);
  }

  /** A product body; brandId and description are left out when null. */
  static JsonObject product(String name, String categoryId, String brandId, String description, JsonObject... skus) {
    JsonObject body = new JsonObject().put("name", name).put("categoryId", categoryId)
        .put("skus", new JsonArray(List.of((Object[]) skus)));
    if (brandId != null) {
      body.put("brandId", brandId);
    }
    if (description != null) {
      body.put("description", description);
    }
    return body;
  }

  JsonObject createProduct(Users.Session seller, JsonObject body) {
    Reply reply = http.post(API + "/products").bearer(seller.accessToken()).json(body).send();
    assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
    assertThat(reply.json().getString("status")).isEqualTo("DRAFT");
    return reply.json();
  }

  JsonObject publish(Users.Session who, String productId) {
    Reply reply = http.post(API + "/products/" + productId + "/publish").bearer(who.accessToken()).send();
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    assertThat(reply.json().getString("status")).isEqualTo("ACTIVE");
    return reply.json();
  }

  /** A published product with one SKU of {@code price} in {@code categoryId}. */
  JsonObject publishedProduct(Users.Session seller, String name, String categoryId, String price) {
    JsonObject created = createProduct(seller, product(name, categoryId, null, null,
        sku("SKU-" + word(10), price)));
    return publish(seller, created.getString("id"));
  }

  /** A category of its own, so searches can be scoped to what this test created. */
  JsonObject ownCategory(String label) {
    String tag = word(8);
    return category(capitalized(label) + " " + tag, label + "-" + tag, null);
  }

  Reply getProduct(String productId, Users.Session who) {
    HttpTestClient.Call call = http.get(API + "/products/" + productId);
    return who == null ? call.send() : call.bearer(who.accessToken()).send();
  }

  /** The product as {@code who} (null: anonymous) sees it now. */
  JsonObject detail(String productId, Users.Session who) {
    Reply reply = getProduct(productId, who);
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    return reply.json();
  }

  static List<String> ids(JsonArray items) {
    List<String> ids = new ArrayList<>();
    items.forEach(item -> ids.add(((JsonObject) item).getString("id")));
    return ids;
  }

  static List<String> fields(Reply reply) {
    JsonArray details = reply.json().getJsonObject("error").getJsonArray("details");
    List<String> fields = new ArrayList<>();
    if (details != null) {
      details.forEach(detail -> fields.add(((JsonObject) detail).getString("field")));
    }
    return fields;
  }

  // ---------------------------------------------------------------- images

  /** A JPEG of colour gradients and a shape: real entropy-coded data, so a cut really damages it. */
  static byte[] jpeg(int width, int height) {
    return encode(picture(width, height, false), "jpg");
  }

  static byte[] png(int width, int height, boolean alpha) {
    return encode(picture(width, height, alpha), "png");
  }

  static BufferedImage picture(int width, int height, boolean alpha) {
    BufferedImage image = new BufferedImage(width, height,
        alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        int r = x * 255 / Math.max(1, width - 1);
        int g = y * 255 / Math.max(1, height - 1);
        int b = (x ^ y) & 0xFF;
        int a = alpha ? 64 + (x + y) % 192 : 255;
        image.setRGB(x, y, a << 24 | r << 16 | g << 8 | b);
      }
    }
    Graphics2D graphics = image.createGraphics();
    graphics.setColor(Color.MAGENTA);
    graphics.fillOval(width / 4, height / 4, width / 2, height / 2);
    graphics.dispose();
    return image;
  }

  static byte[] encode(BufferedImage image, String format) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      assertThat(ImageIO.write(image, format, out)).as("ImageIO writes " + format).isTrue();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  static BufferedImage decode(byte[] bytes) {
    try {
      BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
      assertThat(image).as("decodable image").isNotNull();
      return image;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The small real WebP file of the catalog module's tests (64x48, lossy, no alpha). */
  static byte[] webp() {
    try {
      return Files.readAllBytes(Path.of("../catalog/src/test/resources/images/lossy-64x48.webp"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A multipart/form-data body built by hand. */
  static final class Multipart {
    private final String boundary = "----polymart" + UUID.randomUUID().toString().replace("-", "");
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();

    Multipart file(String name, String filename, String contentType, byte[] bytes) {
      write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\"" + filename
          + "\"\r\nContent-Type: " + contentType + "\r\n\r\n");
      body.writeBytes(bytes);
      write("\r\n");
      return this;
    }

    Multipart field(String name, String value) {
      write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n");
      return this;
    }

    String contentType() {
      return "multipart/form-data; boundary=" + boundary;
    }

    byte[] bytes() {
      ByteArrayOutputStream copy = new ByteArrayOutputStream();
      copy.writeBytes(body.toByteArray());
      copy.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
      return copy.toByteArray();
    }

    private void write(String text) {
      body.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }
  }

  static Multipart image(String filename, String contentType, byte[] bytes) {
    return new Multipart().file("file", filename, contentType, bytes);
  }

  /** POST /products/{id}/images with a multipart body; {@code who} null sends no token. */
  Reply upload(Users.Session who, String productId, Multipart multipart) {
    return send(who, "POST", API + "/products/" + productId + "/images", multipart.contentType(), multipart.bytes());
  }

  /** Uploads an image that must be accepted, and returns the image. */
  JsonObject uploadOk(Users.Session who, String productId, Multipart multipart) {
    Reply reply = upload(who, productId, multipart);
    assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
    return reply.json();
  }

  /** Any request with a raw body, for what {@link HttpTestClient} cannot send. */
  Reply send(Users.Session who, String method, String path, String contentType, byte[] body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(TestPlatform.baseUrl() + path))
        .timeout(Duration.ofSeconds(30)).header("X-Forwarded-For", forwardedFor)
        .method(method, HttpRequest.BodyPublishers.ofByteArray(body));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    if (who != null) {
      request.header("Authorization", "Bearer " + who.accessToken());
    }
    try {
      return new Reply(RAW.send(request.build(), HttpResponse.BodyHandlers.ofString()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** GET of a /media/... URL (as the API returns it), as bytes. */
  static HttpResponse<byte[]> media(String url) {
    HttpRequest request = HttpRequest.newBuilder(URI.create(TestPlatform.baseUrl() + url))
        .timeout(Duration.ofSeconds(30)).GET().build();
    try {
      return RAW.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static HttpClient rawClient() {
    return RAW;
  }

  /** Polls {@code condition} until it holds, failing after {@code timeout}: for effects that happen after a reply. */
  static void await(String what, Duration timeout, BooleanSupplier condition) {
    Await.until(what, timeout, condition);
  }

}
