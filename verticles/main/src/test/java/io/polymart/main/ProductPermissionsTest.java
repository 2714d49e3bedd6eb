package io.polymart.main;

import io.polymart.testing.HttpTestClient;
import io.polymart.testing.HttpTestClient.Reply;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import static io.polymart.main.CatalogFixtures.API;
import static io.polymart.main.CatalogFixtures.image;
import static io.polymart.main.CatalogFixtures.sku;
import static io.polymart.main.CatalogFixtures.word;
import static org.assertj.core.api.Assertions.assertThat;

/** Who may do what to products, SKUs, categories and brands, and how bad requests are turned away. */
class ProductPermissionsTest {
  private final CatalogFixtures fx = new CatalogFixtures();
  private final HttpTestClient http = fx.http;

  /** Seller A's published product with one SKU (stock 10) and one image. */
  private record Owned(String id, String skuId, String imageId, String categoryId) {
  }

  private Owned ownedProduct(Users.Session seller) {
    JsonObject category = fx.ownCategory("perm");
    JsonObject created = fx.createProduct(seller, CatalogFixtures.product("Owned " + word(6),
        category.getString("id"), null, "mine", sku("OWN-" + word(10), "40.00")));
    String id = created.getString("id");
    fx.publish(seller, id);
    JsonObject image = fx.uploadOk(seller, id, image("a.jpg", "image/jpeg", CatalogFixtures.jpeg(30, 20)));
    return new Owned(id, created.getJsonArray("skus").getJsonObject(0).getString("id"), image.getString("id"),
        category.getString("id"));
  }

  /** Every write on a product, as one caller would send it. */
  private List<Reply> everyWrite(Users.Session who, Owned product) {
    Function<HttpTestClient.Call, Reply> send = call -> (who == null ? call : call.bearer(who.accessToken())).send();
    List<Reply> replies = new ArrayList<>();
    replies.add(send.apply(http.patch(API + "/products/" + product.id()).json(new JsonObject().put("name", "Taken"))));
    replies.add(send.apply(http.post(API + "/products/" + product.id() + "/publish")));
    replies.add(send.apply(http.post(API + "/products/" + product.id() + "/unpublish")));
    replies.add(send.apply(http.delete(API + "/products/" + product.id())));
    replies.add(send.apply(http.post(API + "/products/" + product.id() + "/skus")
        .json(sku("INTRUDER-" + word(8), "1.00"))));
    replies.add(send.apply(http.patch(API + "/skus/" + product.skuId())
        .json(new JsonObject().put("status", "INACTIVE"))));
    replies.add(send.apply(http.put(API + "/skus/" + product.skuId() + "/price")
        .json(new JsonObject().put("price", "0.01"))));
    replies.add(send.apply(http.post(API + "/skus/" + product.skuId() + "/stock")
        .json(new JsonObject().put("delta", -10).put("reason", "stolen"))));
    replies.add(fx.upload(who, product.id(), image("b.jpg", "image/jpeg", CatalogFixtures.jpeg(20, 20))));
    replies.add(send.apply(http.delete(API + "/products/" + product.id() + "/images/" + product.imageId())));
    replies.add(send.apply(http.put(API + "/products/" + product.id() + "/images/order")
        .json(new JsonObject().put("imageIds", new JsonArray().add(product.imageId())))));
    replies.add(send.apply(http.post(API + "/products/" + product.id() + "/images/" + product.imageId() + "/cover")));
    return replies;
  }

  @Test
  void anotherSellerIsForbiddenEverythingOnTheProduct() {
    Users.Session owner = fx.seller();
    Users.Session other = fx.seller();
    Owned product = ownedProduct(owner);
    JsonObject before = fx.detail(product.id(), owner);

    List<Reply> replies = everyWrite(other, product);

    assertThat(replies).hasSize(12).allSatisfy(reply -> {
      assertThat(reply.status()).as(reply.response().request().method() + " " + reply.response().uri() + ": "
          + reply).isEqualTo(403);
      assertThat(reply.errorCode()).isEqualTo("FORBIDDEN");
    });
    assertThat(fx.detail(product.id(), owner)).isEqualTo(before);
    assertThat(fx.detail(product.id(), null).getString("status")).isEqualTo("ACTIVE");
  }

  @Test
  void customersMayNotSellAndAnonymousCallersMustSignIn() {
    Users.Session owner = fx.seller();
    Owned product = ownedProduct(owner);
    Users.Session customer = fx.customer();
    JsonObject body = CatalogFixtures.product("Not allowed " + word(6), product.categoryId(), null, null,
        sku("NA-" + word(8), "5.00"));

    Reply byCustomer = http.post(API + "/products").bearer(customer.accessToken()).json(body).send();
    assertThat(byCustomer.status()).as(byCustomer.toString()).isEqualTo(403);
    assertThat(byCustomer.errorCode()).isEqualTo("FORBIDDEN");
    assertThat(http.get(API + "/seller/products").bearer(customer.accessToken()).send().status()).isEqualTo(403);
    assertThat(everyWrite(customer, product)).allSatisfy(reply -> assertThat(reply.status()).isEqualTo(403));

    Reply anonymous = http.post(API + "/products").json(body).send();
    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(anonymous.errorCode()).isEqualTo("UNAUTHORIZED");
    assertThat(http.get(API + "/seller/products").send().status()).isEqualTo(401);
    assertThat(everyWrite(null, product)).allSatisfy(reply -> {
      assertThat(reply.status()).as(reply.toString()).isEqualTo(401);
      assertThat(reply.errorCode()).isEqualTo("UNAUTHORIZED");
    });
    assertThat(http.post(API + "/products").bearer("not.a.token").json(body).send().status()).isEqualTo(401);
    assertThat(fx.detail(product.id(), owner).getString("name")).startsWith("Owned ");
  }

  @Test
  void anAdminMayChangeAnySellersProductAndDeletingIsSoft() {
    Users.Session owner = fx.seller();
    Users.Session admin = fx.admin();
    Owned product = ownedProduct(owner);
    String path = API + "/products/" + product.id();

    assertThat(http.patch(path).bearer(admin.accessToken()).json(new JsonObject().put("name", "Moderated " + word(5)))
        .send().status()).isEqualTo(200);
    Reply skuAdded = http.post(path + "/skus").bearer(admin.accessToken()).json(sku("ADM-" + word(8), "35.00")).send();
    assertThat(skuAdded.status()).as(skuAdded.toString()).isEqualTo(201);
    assertThat(skuAdded.json().getString("price")).isEqualTo("35.00");
    assertThat(http.patch(API + "/skus/" + product.skuId()).bearer(admin.accessToken())
        .json(new JsonObject().put("weight", "0.250")).send().json().getString("weight")).isEqualTo("0.250");
    assertThat(http.put(API + "/skus/" + product.skuId() + "/price").bearer(admin.accessToken())
        .json(new JsonObject().put("price", "39.00")).send().status()).isEqualTo(200);
    Reply stock = http.post(API + "/skus/" + product.skuId() + "/stock").bearer(admin.accessToken())
        .json(new JsonObject().put("onHand", 3).put("reason", "stock take")).send();
    assertThat(stock.status()).as(stock.toString()).isEqualTo(200);
    assertThat(stock.json().getInteger("onHand")).isEqualTo(3);
    JsonObject second = fx.uploadOk(admin, product.id(), image("c.png", "image/png", CatalogFixtures.png(20, 20, false)));
    assertThat(http.post(path + "/images/" + second.getString("id") + "/cover").bearer(admin.accessToken()).send()
        .status()).isEqualTo(200);
    assertThat(http.put(path + "/images/order").bearer(admin.accessToken()).json(new JsonObject().put("imageIds",
        new JsonArray().add(second.getString("id")).add(product.imageId()))).send().status()).isEqualTo(200);
    assertThat(http.delete(path + "/images/" + product.imageId()).bearer(admin.accessToken()).send().status())
        .isEqualTo(204);
    assertThat(http.post(path + "/unpublish").bearer(admin.accessToken()).send().json().getString("status"))
        .isEqualTo("INACTIVE");
    assertThat(http.post(path + "/publish").bearer(admin.accessToken()).send().json().getString("status"))
        .isEqualTo("ACTIVE");

    JsonObject seen = fx.detail(product.id(), owner);
    assertThat(seen.getString("name")).startsWith("Moderated ");
    assertThat(seen.getString("price")).isEqualTo("35.00");
    assertThat(seen.getJsonArray("skus")).hasSize(2);
    assertThat(CatalogFixtures.ids(seen.getJsonArray("images"))).containsExactly(second.getString("id"));
    assertThat(searchIds(product.categoryId())).containsExactly(product.id());

    Reply deleted = http.delete(path).bearer(admin.accessToken()).send();
    assertThat(deleted.status()).as(deleted.toString()).isEqualTo(204);
    assertThat(deleted.text()).isEmpty();

    // soft: gone for everyone but admins, who still see it as DELETED
    assertThat(fx.getProduct(product.id(), null).status()).isEqualTo(404);
    assertThat(fx.detail(product.id(), admin).getString("status")).isEqualTo("DELETED");
    assertThat(searchIds(product.categoryId())).isEmpty();
    assertThat(CatalogFixtures.ids(http.get(API + "/seller/products?size=100").bearer(owner.accessToken()).send()
        .json().getJsonArray("items"))).doesNotContain(product.id());
    assertThat(http.get(path + "/price-history").send().status()).isEqualTo(404);
    Reply patchDeleted = http.patch(path).bearer(owner.accessToken()).json(new JsonObject().put("name", "Back"))
        .send();
    // a deleted product can no longer be changed, by its seller or an admin
    assertThat(patchDeleted.status()).as(patchDeleted.toString()).isEqualTo(409);
    assertThat(patchDeleted.errorCode()).isEqualTo("INVALID_STATE");
    assertThat(http.post(path + "/publish").bearer(admin.accessToken()).send().status()).isEqualTo(409);
    assertThat(http.delete(path).bearer(owner.accessToken()).send().status()).isEqualTo(409);
  }

  @Test
  void theOwnerMayDeleteTheirProduct() {
    Users.Session owner = fx.seller();
    Owned product = ownedProduct(owner);
    assertThat(http.delete(API + "/products/" + product.id()).bearer(owner.accessToken()).send().status())
        .isEqualTo(204);
    assertThat(fx.getProduct(product.id(), null).status()).isEqualTo(404);
    assertThat(searchIds(product.categoryId())).isEmpty();
  }

  private List<String> searchIds(String categoryId) {
    Reply reply = http.get(API + "/products?category=" + categoryId + "&size=100").send();
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    return CatalogFixtures.ids(reply.json().getJsonArray("items"));
  }

  @Test
  void categoriesAreMaintainedByAdminsAndListedAsATree() {
    Users.Session seller = fx.seller();
    Users.Session admin = fx.admin();
    String tag = word(8);
    JsonObject body = new JsonObject().put("name", "Cat " + tag).put("slug", "cat-" + tag);

    Reply bySeller = http.post(API + "/categories").bearer(seller.accessToken()).json(body).send();
    assertThat(bySeller.status()).isEqualTo(403);
    assertThat(bySeller.errorCode()).isEqualTo("FORBIDDEN");
    assertThat(http.post(API + "/categories").json(body).send().status()).isEqualTo(401);

    JsonObject root = fx.category(body.copy());
    assertThat(root.getString("parentId")).isNull();
    assertThat(root.getBoolean("active")).isTrue();
    JsonObject later = fx.category(new JsonObject().put("name", "A later " + tag).put("slug", "later-" + tag)
        .put("parentId", root.getString("id")).put("sortOrder", 2));
    JsonObject sooner = fx.category(new JsonObject().put("name", "Z sooner " + tag).put("slug", "sooner-" + tag)
        .put("parentId", root.getString("id")).put("sortOrder", 1));
    JsonObject leaf = fx.category(new JsonObject().put("name", "Leaf " + tag).put("slug", "leaf-" + tag)
        .put("parentId", sooner.getString("id")));

    JsonObject tree = treeNode(root.getString("id"));
    assertThat(tree.getString("slug")).isEqualTo("cat-" + tag);
    assertThat(CatalogFixtures.ids(tree.getJsonArray("children")))
        .containsExactly(sooner.getString("id"), later.getString("id"));
    assertThat(CatalogFixtures.ids(tree.getJsonArray("children").getJsonObject(0).getJsonArray("children")))
        .containsExactly(leaf.getString("id"));
    assertThat(tree.getJsonArray("children").getJsonObject(0).getString("parentId")).isEqualTo(root.getString("id"));

    Reply renamed = http.patch(API + "/categories/" + later.getString("id")).bearer(admin.accessToken())
        .json(new JsonObject().put("name", "Renamed " + tag).put("sortOrder", 0)).send();
    assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
    assertThat(renamed.json().getString("name")).isEqualTo("Renamed " + tag);
    assertThat(renamed.json().getString("slug")).isEqualTo("later-" + tag);
    assertThat(CatalogFixtures.ids(treeNode(root.getString("id")).getJsonArray("children")))
        .containsExactly(later.getString("id"), sooner.getString("id"));
    assertThat(http.patch(API + "/categories/" + later.getString("id")).bearer(seller.accessToken())
        .json(new JsonObject().put("name", "x")).send().status()).isEqualTo(403);

    Reply taken = http.post(API + "/categories").bearer(admin.accessToken())
        .json(new JsonObject().put("name", "Dup").put("slug", "cat-" + tag)).send();
    assertThat(taken.status()).isEqualTo(409);
    assertThat(taken.errorCode()).isEqualTo("SLUG_TAKEN");
    Reply takenByUpdate = http.patch(API + "/categories/" + later.getString("id")).bearer(admin.accessToken())
        .json(new JsonObject().put("slug", "sooner-" + tag)).send();
    assertThat(takenByUpdate.status()).isEqualTo(409);
    assertThat(takenByUpdate.errorCode()).isEqualTo("SLUG_TAKEN");
    Reply cycle = http.patch(API + "/categories/" + root.getString("id")).bearer(admin.accessToken())
        .json(new JsonObject().put("parentId", leaf.getString("id"))).send();
    assertThat(cycle.status()).isEqualTo(400);
    assertThat(CatalogFixtures.fields(cycle)).contains("parentId");
    Reply orphan = http.post(API + "/categories").bearer(admin.accessToken()).json(new JsonObject()
        .put("name", "Orphan").put("slug", "orphan-" + tag).put("parentId", UUID.randomUUID().toString())).send();
    assertThat(orphan.status()).isEqualTo(400);
    assertThat(CatalogFixtures.fields(orphan)).contains("parentId");
    Reply badSlug = http.post(API + "/categories").bearer(admin.accessToken())
        .json(new JsonObject().put("name", "Bad").put("slug", "Bad Slug")).send();
    assertThat(badSlug.status()).isEqualTo(400);
    assertThat(CatalogFixtures.fields(badSlug)).contains("slug");

    // in use: with products, or with sub-categories; empty ones go
    Users.Session owner = fx.seller();
    fx.publishedProduct(owner, "In use " + tag, leaf.getString("id"), "5.00");
    for (JsonObject busy : List.of(leaf, sooner, root)) {
      Reply refused = http.delete(API + "/categories/" + busy.getString("id")).bearer(admin.accessToken()).send();
      assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
      assertThat(refused.errorCode()).isEqualTo("CATEGORY_IN_USE");
    }
    assertThat(http.delete(API + "/categories/" + later.getString("id")).bearer(seller.accessToken()).send().status())
        .isEqualTo(403);
    assertThat(http.delete(API + "/categories/" + later.getString("id")).bearer(admin.accessToken()).send().status())
        .isEqualTo(204);
    assertThat(http.delete(API + "/categories/" + later.getString("id")).bearer(admin.accessToken()).send().status())
        .isEqualTo(404);
    assertThat(CatalogFixtures.ids(treeNode(root.getString("id")).getJsonArray("children")))
        .containsExactly(sooner.getString("id"));

    // an inactive category leaves the tree (with what is under it) and takes no new products
    assertThat(http.patch(API + "/categories/" + sooner.getString("id")).bearer(admin.accessToken())
        .json(new JsonObject().put("active", false)).send().json().getBoolean("active")).isFalse();
    assertThat(treeNode(root.getString("id")).getJsonArray("children")).isEmpty();
    assertThat(allCategoryIds(categoryTree())).doesNotContain(sooner.getString("id"), leaf.getString("id"));
    JsonObject inactiveBody = CatalogFixtures.product("Nope " + tag, sooner.getString("id"), null, null,
        sku("NOPE-" + word(8), "5.00"));
    Reply intoInactive = http.post(API + "/products").bearer(owner.accessToken()).json(inactiveBody).send();
    assertThat(intoInactive.status()).isEqualTo(400);
    assertThat(CatalogFixtures.fields(intoInactive)).contains("categoryId");
  }

  @Test
  void aSubCategoryCanBeMovedBackToTheTopLevel() {
    JsonObject root = fx.ownCategory("toproot");
    String tag = word(8);
    JsonObject child = fx.category("Child " + tag, "child-" + tag, root.getString("id"));
    Reply moved = http.patch(API + "/categories/" + child.getString("id")).bearer(fx.admin().accessToken())
        .json(new JsonObject().putNull("parentId")).send();
    assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
    assertThat(moved.json().getString("parentId")).isNull();
    assertThat(treeNode(child.getString("id")).getString("slug")).isEqualTo("child-" + tag);
  }

  @Test
  void aBrandsLogoCanBeRemoved() {
    String tag = word(8);
    JsonObject brand = fx.brand("Logo " + tag, "logo-" + tag);
    Users.Session admin = fx.admin();
    assertThat(http.patch(API + "/brands/" + brand.getString("id")).bearer(admin.accessToken())
        .json(new JsonObject().put("logoUrl", "/static/" + tag + ".png")).send().status()).isEqualTo(200);
    Reply cleared = http.patch(API + "/brands/" + brand.getString("id")).bearer(admin.accessToken())
        .json(new JsonObject().putNull("logoUrl")).send();
    assertThat(cleared.status()).as(cleared.toString()).isEqualTo(200);
    assertThat(cleared.json().getString("logoUrl")).isNull();
  }

  private JsonArray categoryTree() {
    Reply reply = http.get(API + "/categories").send();
    assertThat(reply.status()).isEqualTo(200);
    return reply.json().getJsonArray("items");
  }

  private JsonObject treeNode(String id) {
    return categoryTree().stream().map(JsonObject.class::cast).filter(c -> c.getString("id").equals(id))
        .findFirst().orElseThrow(() -> new AssertionError("category " + id + " is not a root of the tree"));
  }

  private static List<String> allCategoryIds(JsonArray nodes) {
    List<String> ids = new ArrayList<>();
    for (Object o : nodes) {
      JsonObject node = (JsonObject) o;
      ids.add(node.getString("id"));
      ids.addAll(allCategoryIds(node.getJsonArray("children")));
    }
    return ids;
  }

  @Test
  void brandsAreMaintainedByAdminsAndCannotGoWhileInUse() {
    Users.Session seller = fx.seller();
    Users.Session admin = fx.admin();
    String tag = word(8);
    JsonObject body = new JsonObject().put("name", "Brand " + tag).put("slug", "brand-" + tag);

    assertThat(http.post(API + "/brands").bearer(seller.accessToken()).json(body).send().status()).isEqualTo(403);
    assertThat(http.post(API + "/brands").json(body).send().status()).isEqualTo(401);
    JsonObject used = fx.brand("Brand " + tag, "brand-" + tag);
    JsonObject spare = fx.brand("Spare " + tag, "spare-" + tag);
    assertThat(used.getString("logoUrl")).isNull();

    Reply taken = http.post(API + "/brands").bearer(admin.accessToken())
        .json(new JsonObject().put("name", "Other").put("slug", "brand-" + tag)).send();
    assertThat(taken.status()).isEqualTo(409);
    assertThat(taken.errorCode()).isEqualTo("SLUG_TAKEN");
    Reply takenByUpdate = http.patch(API + "/brands/" + spare.getString("id")).bearer(admin.accessToken())
        .json(new JsonObject().put("slug", "brand-" + tag)).send();
    assertThat(takenByUpdate.status()).isEqualTo(409);
    assertThat(takenByUpdate.errorCode()).isEqualTo("SLUG_TAKEN");
    Reply updated = http.patch(API + "/brands/" + spare.getString("id")).bearer(admin.accessToken())
        .json(new JsonObject().put("logoUrl", "https://cdn.example.com/" + tag + ".png")).send();
    assertThat(updated.status()).isEqualTo(200);
    assertThat(updated.json().getString("logoUrl")).isEqualTo("https://cdn.example.com/" + tag + ".png");
    assertThat(updated.json().getString("name")).isEqualTo("Spare " + tag);
    assertThat(http.patch(API + "/brands/" + spare.getString("id")).bearer(seller.accessToken())
        .json(new JsonObject().put("name", "x")).send().status()).isEqualTo(403);
    assertThat(http.patch(API + "/brands/" + spare.getString("id")).bearer(admin.accessToken())
        .json(new JsonObject()).send().status()).isEqualTo(400);

    JsonObject listed = brandList().stream().map(JsonObject.class::cast)
        .filter(b -> b.getString("id").equals(spare.getString("id"))).findFirst().orElseThrow();
    assertThat(listed).isEqualTo(updated.json());

    JsonObject category = fx.ownCategory("brandcat");
    fx.createProduct(seller, CatalogFixtures.product("Branded " + tag, category.getString("id"),
        used.getString("id"), null, sku("BR-" + word(8), "5.00")));
    Reply inUse = http.delete(API + "/brands/" + used.getString("id")).bearer(admin.accessToken()).send();
    assertThat(inUse.status()).isEqualTo(409);
    assertThat(inUse.errorCode()).isEqualTo("BRAND_IN_USE");
    assertThat(http.delete(API + "/brands/" + spare.getString("id")).bearer(seller.accessToken()).send().status())
        .isEqualTo(403);
    assertThat(http.delete(API + "/brands/" + spare.getString("id")).bearer(admin.accessToken()).send().status())
        .isEqualTo(204);
    assertThat(CatalogFixtures.ids(brandList())).contains(used.getString("id")).doesNotContain(spare.getString("id"));
    assertThat(http.delete(API + "/brands/" + spare.getString("id")).bearer(admin.accessToken()).send().status())
        .isEqualTo(404);
  }

  private JsonArray brandList() {
    Reply reply = http.get(API + "/brands").send();
    assertThat(reply.status()).isEqualTo(200);
    return reply.json().getJsonArray("items");
  }

  @Test
  void sellersListOnlyTheirOwnProductsIncludingDrafts() {
    Users.Session a = fx.seller();
    Users.Session b = fx.seller();
    JsonObject category = fx.ownCategory("mine");
    String active = fx.publishedProduct(a, "A active " + word(5), category.getString("id"), "10.00").getString("id");
    String draft = fx.createProduct(a, CatalogFixtures.product("A draft " + word(5), category.getString("id"), null,
        null, sku("AD-" + word(8), "11.00"))).getString("id");
    String others = fx.publishedProduct(b, "B active " + word(5), category.getString("id"), "12.00").getString("id");

    Reply list = http.get(API + "/seller/products").bearer(a.accessToken()).send();
    assertThat(list.status()).as(list.toString()).isEqualTo(200);
    assertThat(list.json().getLong("total")).isEqualTo(2);
    assertThat(CatalogFixtures.ids(list.json().getJsonArray("items"))).containsExactly(draft, active);
    assertThat(list.json().getJsonArray("items").getJsonObject(0).getString("status")).isEqualTo("DRAFT");
    assertThat(list.json().getJsonArray("items").getJsonObject(0).getString("price")).isEqualTo("11.00");

    Reply drafts = http.get(API + "/seller/products?status=DRAFT").bearer(a.accessToken()).send();
    assertThat(CatalogFixtures.ids(drafts.json().getJsonArray("items"))).containsExactly(draft);
    Reply paged = http.get(API + "/seller/products?size=1&page=2").bearer(a.accessToken()).send();
    assertThat(CatalogFixtures.ids(paged.json().getJsonArray("items"))).containsExactly(active);
    assertThat(paged.json().getLong("total")).isEqualTo(2);
    assertThat(CatalogFixtures.ids(http.get(API + "/seller/products").bearer(b.accessToken()).send().json()
        .getJsonArray("items"))).containsExactly(others);
    assertThat(http.get(API + "/seller/products?status=bogus").bearer(a.accessToken()).send().status())
        .isEqualTo(400);

    Reply everyone = http.get(API + "/seller/products?size=100").bearer(fx.admin().accessToken()).send();
    assertThat(CatalogFixtures.ids(everyone.json().getJsonArray("items"))).contains(active, draft, others);
  }

  @Test
  void skuCodesAndProductSlugsAreUnique() {
    Users.Session seller = fx.seller();
    Users.Session other = fx.seller();
    JsonObject category = fx.ownCategory("codes");
    String code = "UNIQ-" + word(10);
    String slug = "uniq-" + word(10);
    JsonObject first = fx.createProduct(seller, CatalogFixtures.product("First " + word(5), category.getString("id"),
        null, null, sku(code, "5.00")).put("slug", slug));
    assertThat(first.getString("slug")).isEqualTo(slug);

    Reply sameCode = http.post(API + "/products").bearer(other.accessToken()).json(CatalogFixtures.product(
        "Second " + word(5), category.getString("id"), null, null, sku(code, "6.00"))).send();
    assertThat(sameCode.status()).as(sameCode.toString()).isEqualTo(409);
    assertThat(sameCode.errorCode()).isEqualTo("SKU_CODE_TAKEN");
    Reply addedSameCode = http.post(API + "/products/" + first.getString("id") + "/skus").bearer(seller.accessToken())
        .json(sku(code, "7.00")).send();
    assertThat(addedSameCode.status()).as(addedSameCode.toString()).isEqualTo(409);
    assertThat(addedSameCode.errorCode()).isEqualTo("SKU_CODE_TAKEN");
    Reply twiceInOne = http.post(API + "/products").bearer(other.accessToken()).json(CatalogFixtures.product(
        "Third " + word(5), category.getString("id"), null, null, sku("TWICE-" + code, "1.00"),
        sku("TWICE-" + code, "2.00"))).send();
    assertThat(twiceInOne.status()).as(twiceInOne.toString()).isEqualTo(400);
    assertThat(CatalogFixtures.fields(twiceInOne)).anyMatch(field -> field.contains("skus") && field.contains("1"));
    Reply sameSlug = http.post(API + "/products").bearer(other.accessToken()).json(CatalogFixtures.product(
        "Fourth " + word(5), category.getString("id"), null, null, sku("S4-" + word(8), "1.00")).put("slug", slug))
        .send();
    assertThat(sameSlug.status()).as(sameSlug.toString()).isEqualTo(409);
    assertThat(sameSlug.errorCode()).isEqualTo("SLUG_TAKEN");

    // nothing of the refused requests was stored
    assertThat(http.get(API + "/seller/products").bearer(other.accessToken()).send().json().getLong("total"))
        .isZero();
    assertThat(fx.detail(first.getString("id"), seller).getJsonArray("skus")).hasSize(1);
  }

  @Test
  void stockCannotDropBelowZeroAndAdjustmentsAreChecked() {
    Users.Session seller = fx.seller();
    JsonObject category = fx.ownCategory("stock");
    JsonObject created = fx.createProduct(seller, CatalogFixtures.product("Stocked " + word(5),
        category.getString("id"), null, null, sku("STK-" + word(8), "5.00", Map.of(), 3)));
    String skuId = created.getJsonArray("skus").getJsonObject(0).getString("id");
    String path = API + "/skus/" + skuId + "/stock";

    Reply below = http.post(path).bearer(seller.accessToken()).json(new JsonObject().put("delta", -4)
        .put("reason", "too many")).send();
    assertThat(below.status()).as(below.toString()).isEqualTo(422);
    assertThat(below.errorCode()).isEqualTo("STOCK_BELOW_RESERVED");
    Reply toZero = http.post(path).bearer(seller.accessToken()).json(new JsonObject().put("delta", -3)
        .put("reason", "sold elsewhere")).send();
    assertThat(toZero.status()).isEqualTo(200);
    assertThat(toZero.json()).isEqualTo(new JsonObject().put("skuId", skuId).put("onHand", 0).put("reserved", 0)
        .put("available", 0));
    Reply belowZero = http.post(path).bearer(seller.accessToken()).json(new JsonObject().put("delta", -1)
        .put("reason", "oops")).send();
    assertThat(belowZero.status()).isEqualTo(422);
    assertThat(belowZero.errorCode()).isEqualTo("STOCK_BELOW_RESERVED");
    Reply counted = http.post(path).bearer(seller.accessToken()).json(new JsonObject().put("onHand", 7)
        .put("reason", "stock take")).send();
    assertThat(counted.status()).isEqualTo(200);
    assertThat(counted.json().getInteger("available")).isEqualTo(7);

    for (JsonObject bad : List.of(new JsonObject().put("delta", 0).put("reason", "nothing"),
        new JsonObject().put("delta", 1).put("onHand", 1).put("reason", "both"),
        new JsonObject().put("delta", 1),
        new JsonObject().put("delta", 1).put("reason", " "),
        new JsonObject().put("onHand", -1).put("reason", "negative"),
        new JsonObject().put("reason", "neither"),
        new JsonObject().put("delta", "2").put("reason", "text"))) {
      Reply reply = http.post(path).bearer(seller.accessToken()).json(bad).send();
      assertThat(reply.status()).as(bad + ": " + reply).isEqualTo(400);
      assertThat(reply.errorCode()).isEqualTo("VALIDATION_FAILED");
    }
    assertThat(fx.detail(created.getString("id"), seller).getJsonArray("skus").getJsonObject(0)
        .getInteger("available")).isEqualTo(7);
    assertThat(http.post(API + "/skus/" + UUID.randomUUID() + "/stock").bearer(seller.accessToken())
        .json(new JsonObject().put("delta", 1).put("reason", "x")).send().status()).isEqualTo(404);
  }

  @Test
  void invalidBodiesAreRejectedAndStoreNothing() {
    Users.Session seller = fx.seller();
    JsonObject category = fx.ownCategory("invalid");
    String categoryId = category.getString("id");
    Function<JsonObject, Reply> create = body -> http.post(API + "/products").bearer(seller.accessToken())
        .json(body).send();

    assertBadRequest(create.apply(new JsonObject()), "name", "categoryId", "skus");
    assertBadRequest(create.apply(CatalogFixtures.product("No skus", categoryId, null, null)), "skus");
    assertBadRequest(create.apply(CatalogFixtures.product("Bad price", categoryId, null, null,
        sku("BP-" + word(6), "12.345"))));
    assertBadRequest(create.apply(CatalogFixtures.product("Zero price", categoryId, null, null,
        sku("ZP-" + word(6), "0"))));
    assertBadRequest(create.apply(CatalogFixtures.product("Bad code", categoryId, null, null,
        sku("bad code!", "1.00"))));
    assertBadRequest(create.apply(CatalogFixtures.product("Unknown category", UUID.randomUUID().toString(), null,
        null, sku("UC-" + word(6), "1.00"))), "categoryId");
    assertBadRequest(create.apply(CatalogFixtures.product("Unknown brand", categoryId, UUID.randomUUID().toString(),
        null, sku("UB-" + word(6), "1.00"))), "brandId");
    assertBadRequest(create.apply(CatalogFixtures.product("Bad slug", categoryId, null, null,
        sku("BS-" + word(6), "1.00")).put("slug", "Not A Slug")), "slug");
    assertBadRequest(create.apply(CatalogFixtures.product(" ", categoryId, null, null,
        sku("BN-" + word(6), "1.00"))), "name");
    assertBadRequest(create.apply(CatalogFixtures.product("Extra", categoryId, null, null,
        sku("EX-" + word(6), "1.00")).put("status", "ACTIVE")), "status");
    assertBadRequest(create.apply(CatalogFixtures.product("Long", categoryId, null, "d".repeat(5001),
        sku("LG-" + word(6), "1.00"))), "description");
    Reply malformed = http.post(API + "/products").bearer(seller.accessToken()).raw("{\"name\": ").send();
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.errorCode()).isEqualTo("MALFORMED_JSON");
    assertThat(http.get(API + "/seller/products").bearer(seller.accessToken()).send().json().getLong("total"))
        .as("nothing was created").isZero();

    JsonObject product = fx.createProduct(seller, CatalogFixtures.product("Valid " + word(5), categoryId, null, null,
        sku("VA-" + word(8), "8.00")));
    String id = product.getString("id");
    String skuId = product.getJsonArray("skus").getJsonObject(0).getString("id");
    assertBadRequest(http.patch(API + "/products/" + id).bearer(seller.accessToken()).json(new JsonObject()).send());
    assertBadRequest(http.patch(API + "/products/" + id).bearer(seller.accessToken())
        .json(new JsonObject().put("status", "ACTIVE")).send(), "status");
    assertBadRequest(http.patch(API + "/products/" + id).bearer(seller.accessToken())
        .json(new JsonObject().put("categoryId", "nope")).send(), "categoryId");
    assertBadRequest(http.put(API + "/skus/" + skuId + "/price").bearer(seller.accessToken())
        .json(new JsonObject().put("price", "-1")).send(), "price");
    assertBadRequest(http.put(API + "/skus/" + skuId + "/price").bearer(seller.accessToken())
        .json(new JsonObject().put("price", "0.00")).send(), "price");
    assertBadRequest(http.put(API + "/skus/" + skuId + "/price").bearer(seller.accessToken())
        .json(new JsonObject().put("price", 5)).send(), "price");
    assertBadRequest(http.patch(API + "/skus/" + skuId).bearer(seller.accessToken())
        .json(new JsonObject().put("status", "BROKEN")).send(), "status");
    assertBadRequest(http.patch(API + "/skus/" + skuId).bearer(seller.accessToken())
        .json(new JsonObject().put("price", "1.00")).send(), "price");
    assertBadRequest(http.post(API + "/products/" + id + "/skus").bearer(seller.accessToken())
        .json(sku("AT-" + word(6), "1.00").put("attributes", new JsonObject().put("color", ""))).send());

    JsonObject unchanged = fx.detail(id, seller);
    assertThat(unchanged.getString("status")).isEqualTo("DRAFT");
    assertThat(unchanged.getString("price")).isEqualTo("8.00");
    assertThat(unchanged.getJsonArray("skus")).hasSize(1);
    assertThat(unchanged.getJsonArray("skus").getJsonObject(0).getString("status")).isEqualTo("ACTIVE");
  }

  private static void assertBadRequest(Reply reply, String... fields) {
    assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
    assertThat(reply.errorCode()).isEqualTo("VALIDATION_FAILED");
    assertThat(CatalogFixtures.fields(reply)).as(reply.toString()).isNotEmpty();
    if (fields.length > 0) {
      assertThat(CatalogFixtures.fields(reply)).as(reply.toString()).contains(fields);
    }
  }

  @Test
  void publishingNeedsAnActiveSkuAndOnlyPublishedProductsCanBeWithdrawn() {
    Users.Session seller = fx.seller();
    JsonObject category = fx.ownCategory("publish");
    JsonObject created = fx.createProduct(seller, CatalogFixtures.product("Publishable " + word(5),
        category.getString("id"), null, null, sku("PB-" + word(8), "5.00")));
    String id = created.getString("id");
    String skuId = created.getJsonArray("skus").getJsonObject(0).getString("id");

    Reply withdrawDraft = http.post(API + "/products/" + id + "/unpublish").bearer(seller.accessToken()).send();
    assertThat(withdrawDraft.status()).as(withdrawDraft.toString()).isEqualTo(409);
    assertThat(withdrawDraft.errorCode()).isEqualTo("INVALID_STATE");

    Reply inactive = http.patch(API + "/skus/" + skuId).bearer(seller.accessToken())
        .json(new JsonObject().put("status", "INACTIVE")).send();
    assertThat(inactive.status()).isEqualTo(200);
    assertThat(fx.detail(id, seller).getString("price")).as("no active SKU, no price").isNull();
    Reply refused = http.post(API + "/products/" + id + "/publish").bearer(seller.accessToken()).send();
    assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
    assertThat(refused.errorCode()).isEqualTo("NO_ACTIVE_SKU");
    assertThat(fx.detail(id, seller).getString("status")).isEqualTo("DRAFT");

    http.patch(API + "/skus/" + skuId).bearer(seller.accessToken()).json(new JsonObject().put("status", "ACTIVE"))
        .send();
    JsonObject published = fx.publish(seller, id);
    assertThat(published.getString("publishedAt")).isNotNull();
    assertThat(published.getString("price")).isEqualTo("5.00");
    // publishing twice is harmless
    assertThat(fx.publish(seller, id).getString("publishedAt")).isEqualTo(published.getString("publishedAt"));
  }

  @Test
  void theOpenApiDocumentDescribesTheCatalogRoutes() {
    String document = http.get(API + "/openapi.yaml").send().text();
    assertThat(List.of("/api/v1/products:", "/api/v1/products/{id}:", "/api/v1/categories:", "/api/v1/brands:",
        "/api/v1/skus/{id}/price:", "/api/v1/search/suggest:", "/api/v1/seller/products:",
        "/api/v1/products/{id}/images:")).filteredOn(path -> !document.contains(path))
        .as("catalog paths missing from openapi.yaml").isEmpty();
  }
}
