package io.polymart.main;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 14: the storefront in a real browser, Debian's headless Chromium driven over WebDriver: a guest searches with
 * a typo (suggestions appear as they type), filters by a facet, opens a product and picks a SKU (also on a
 * phone-sized screen), adds it to the cart, registers (the guest cart comes along), adds an address, places the order,
 * pays in the sandbox and watches the order become paid without reloading; an admin, in a browser of their own,
 * ships it and marks it delivered in the console while the shopper's page follows; the shopper writes a review with
 * a picture, the admin publishes it, it shows on the product page, and the admin finds it helpful. Screenshots of
 * each step go to {@code target/storefront-screenshots/}. Without chromium and chromedriver (which {@code .ci/run}
 * installs) the tests are skipped, loudly.
 */
class StorefrontBrowserTest {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Path SCREENSHOTS = Path.of("target", "storefront-screenshots");
  private static final Duration WAIT = Duration.ofSeconds(20);
  /** The browser the steps act in: the shopper's, or for a moment the admin's. */
  private static WebDriver browser;
  private static WebDriver shopperBrowser;
  private static WebDriver admin;
  private final CatalogFixtures fx = new CatalogFixtures();

  @BeforeAll
  static void startBrowser() throws IOException {
    if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
      String message = "BROWSER TESTS SKIPPED: " + CHROMIUM + " and " + CHROMEDRIVER
          + " are needed (Debian: apt-get install chromium chromium-driver; .ci/run installs them)";
      System.err.println("\n" + "*".repeat(message.length()) + "\n" + message + "\n" + "*".repeat(message.length()));
      Assumptions.abort(message);
    }
    Files.createDirectories(SCREENSHOTS);
    browser = newBrowser();
  }

  /** A headless Chromium of its own: its own cookies, so its own session. */
  private static WebDriver newBrowser() {
    ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
        .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,900",
            "--lang=en-US");
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort().build();
    WebDriver driver = new ChromeDriver(service, options);
    if (shopperBrowser == null) {
      shopperBrowser = driver;
    }
    return driver;
  }

  @AfterAll
  static void stopBrowser() {
    for (WebDriver driver : new WebDriver[] {shopperBrowser, admin}) {
      if (driver != null) {
        driver.quit();
      }
    }
  }

  @Test
  void aGuestFindsAProductDespiteATypoBuysItAsANewShopperWatchesItGetPaidShippedAndDeliveredAndReviewsIt() {
    String tag = CatalogFixtures.word(6);
    JsonObject category = fx.ownCategory("lanterns");
    JsonObject brand = fx.brand("Brightwater " + tag, "brightwater-" + tag);
    String name = "Brightwater Storm Lantern " + tag;
    Users.Session seller = fx.seller();
    JsonObject created = fx.createProduct(seller, CatalogFixtures.product(name, category.getString("id"),
        brand.getString("id"), "A lantern that stays lit in the wind.",
        CatalogFixtures.sku("LNT-" + tag + "-R", "24.50", Map.of("color", "Red"), 12),
        CatalogFixtures.sku("LNT-" + tag + "-B", "26.00", Map.of("color", "Blue"), 0)));
    fx.publish(seller, created.getString("id"));
    fx.publishedProduct(seller, "Stormproof Lantern Hook " + tag, category.getString("id"), "4.00");

    browser.manage().window().setSize(new Dimension(1280, 900));
    browser.get(TestPlatform.baseUrl() + "/");
    screenshot("01-home");
    assertThat(browser.getTitle()).contains("Polymart");

    WebElement search = browser.findElement(By.cssSelector(".search input[name=q]"));
    search.sendKeys("Brightwater Storm");
    new WebDriverWait(browser, WAIT).until(page -> !page.findElements(By.cssSelector("#suggestions option")).isEmpty());
    List<String> suggestions = browser.findElements(By.cssSelector("#suggestions option")).stream()
        .map(option -> option.getAttribute("value")).toList();
    assertThat(suggestions).as("suggestions as you type").anyMatch(text -> text.contains("Brightwater"));
    search.clear();
    // "Brightwatr" misses a letter
    search.sendKeys("Brightwatr Lantern " + tag, Keys.ENTER);
    new WebDriverWait(browser, WAIT).until(page -> page.getCurrentUrl().contains("/search?q="));
    screenshot("02-search-with-a-typo");
    assertThat(browser.findElement(By.cssSelector(".results")).getText()).contains(name);

    browser.findElement(By.linkText("Brightwater " + tag)).click();
    new WebDriverWait(browser, WAIT).until(page -> page.getCurrentUrl().contains("brand=brightwater-" + tag));
    screenshot("03-filtered-by-brand");
    assertThat(browser.findElement(By.cssSelector(".facets a.selected")).getText()).isEqualTo("Brightwater " + tag);
    assertThat(browser.findElements(By.cssSelector(".results .card"))).hasSize(1);

    browser.findElement(By.partialLinkText("Storm Lantern")).click();
    new WebDriverWait(browser, WAIT).until(page -> !page.findElements(By.tagName("h1")).isEmpty());
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(name);
    WebElement red = browser.findElement(By.xpath("//label[contains(., 'color: Red')]/input"));
    WebElement blue = browser.findElement(By.xpath("//label[contains(., 'color: Blue')]/input"));
    assertThat(red.isSelected()).as("the one in stock is chosen").isTrue();
    assertThat(blue.isEnabled()).as("the blue one is out of stock").isFalse();
    assertThat(browser.findElement(By.cssSelector(".skus")).getText()).contains("color: Red", "$24.50", "In stock",
        "color: Blue", "Out of stock");
    screenshot("04-product");

    browser.manage().window().setSize(new Dimension(390, 844));
    browser.navigate().refresh();
    screenshot("05-product-on-a-phone");
    Object overflow = ((JavascriptExecutor) browser).executeScript(
        "return document.documentElement.scrollWidth - window.innerWidth;");
    assertThat(((Number) overflow).intValue()).as("nothing wider than a phone's screen").isLessThanOrEqualTo(0);
    browser.manage().window().setSize(new Dimension(1280, 900));

    // as a guest: the red one, twice
    WebElement quantity = browser.findElement(By.cssSelector("#add-to-cart input[name=quantity]"));
    quantity.clear();
    quantity.sendKeys("2");
    browser.findElement(By.cssSelector("#add-to-cart button[type=submit]")).click();
    waitFor(By.id("view-cart"));
    screenshot("06-added-to-cart");
    browser.findElement(By.id("view-cart")).click();
    waitForPath("/cart");
    WebElement line = browser.findElement(By.cssSelector(".cart .line"));
    assertThat(line.getText()).contains(name, "color: Red", "$49.00");
    assertThat(browser.findElement(By.id("subtotal")).getText()).isEqualTo("$49.00");
    screenshot("07-guest-cart");

    // register on the way to checkout: the guest's cart comes along
    browser.findElement(By.linkText("Sign in to check out")).click();
    waitForPath("/account/sign-in");
    browser.findElement(By.linkText("Create an account")).click();
    waitForPath("/account/register");
    String email = "lantern.fan." + tag + "@example.com";
    browser.findElement(By.name("email")).sendKeys(email);
    browser.findElement(By.name("username")).sendKeys("fan" + tag);
    browser.findElement(By.name("password")).sendKeys("weak");
    browser.findElement(By.cssSelector("#account-form button[type=submit]")).click();
    assertThat(browser.getCurrentUrl()).as("the browser's own check: too short").contains("/account/register");
    browser.findElement(By.name("password")).clear();
    browser.findElement(By.name("password")).sendKeys("lowercaseonly");
    browser.findElement(By.cssSelector("#account-form button[type=submit]")).click();
    waitFor(By.cssSelector(".notice.error"));
    assertThat(browser.findElement(By.cssSelector(".notice.error")).getText()).as("the server's rule")
        .containsIgnoringCase("password");
    assertThat(browser.findElement(By.name("email")).getAttribute("value")).isEqualTo(email);
    screenshot("08-register-refused");
    browser.findElement(By.name("password")).sendKeys("Lantern2026");
    browser.findElement(By.cssSelector("#account-form button[type=submit]")).click();
    waitForPath("/checkout");
    assertThat(browser.findElement(By.cssSelector(".checkout .lines")).getText()).as("the guest cart, merged")
        .contains(name, "× 2", "$49.00");
    assertThat(browser.manage().getCookieNamed("pm_at").isHttpOnly()).as("no script reads the session").isTrue();

    // a first address, then the order
    Map.of("receiver", "Ada Lovelace", "phone", "+15551234567", "province", "CA", "city", "San Francisco",
        "district", "SoMa", "detail", "1 Market St <script>alert(1)</script>", "postalCode", "94105")
        .forEach((field, value) -> browser.findElement(By.cssSelector("#new-address [name=" + field + "]"))
            .sendKeys(value));
    browser.findElement(By.cssSelector("#new-address button[type=submit]")).click();
    waitFor(By.cssSelector("#place-order input[name=addressId]"));
    assertThat(browser.findElement(By.cssSelector(".address")).getText()).as("markup is text")
        .contains("1 Market St <script>alert(1)</script>");
    screenshot("09-checkout");
    browser.findElement(By.cssSelector("#place-order button[type=submit]")).click();
    waitFor(By.id("order-status"));
    assertThat(browser.getCurrentUrl()).contains("/orders/");
    String orderId = browser.getCurrentUrl().substring(browser.getCurrentUrl().lastIndexOf('/') + 1);
    assertThat(browser.findElement(By.id("order-status")).getText()).isEqualTo("Pending payment");
    // 49.00 and the conf's shipping fee, priced by the server
    assertThat(browser.findElement(By.cssSelector(".totals")).getText()).contains("$49.00", "$10.00", "$59.00");

    // pay in the sandbox and watch the page change by itself
    new WebDriverWait(browser, WAIT).until(page -> "ready".equals(
        page.findElement(By.id("order")).getAttribute("data-live")));
    browser.findElement(By.id("pay")).click();
    waitForStatus("PAID");
    assertThat(browser.findElement(By.id("order-status")).getText()).isEqualTo("Paid");
    screenshot("10-order-paid-live");
    String orderNumber = browser.findElement(By.tagName("h1")).getText().replace("Order ", "");

    // the admin, in a browser of their own, ships it and then marks it delivered in the console
    WebDriver shopper = browser;
    browser = admin = admin == null ? newBrowser() : admin;
    browser.get(TestPlatform.baseUrl() + "/account/sign-in?next=%2Fadmin");
    browser.findElement(By.name("email")).sendKeys(TestPlatform.ADMIN_EMAIL);
    browser.findElement(By.name("password")).sendKeys(TestPlatform.ADMIN_PASSWORD);
    browser.findElement(By.cssSelector("#account-form button[type=submit]")).click();
    waitForPath("/admin");
    assertThat(browser.findElements(By.cssSelector(".chart"))).as("revenue and orders per day").hasSize(2);
    WebElement toShip = browser.findElement(By.cssSelector("[data-order='" + orderId + "']"));
    assertThat(toShip.getText()).contains(orderNumber, "$59.00", "Ada Lovelace");
    toShip.findElement(By.name("carrier")).sendKeys("SF Express");
    toShip.findElement(By.name("trackingNo")).sendKeys("SF" + tag);
    screenshot("11-console-to-ship");
    toShip.findElement(By.cssSelector("button[type=submit]")).click();
    waitFor(By.xpath("//li[@data-order='" + orderId + "']//button[text()='Mark delivered']"));
    browser = shopper;
    waitForStatus("SHIPPED");
    screenshot("12-order-shipped-live");
    browser = admin;
    browser.findElement(By.xpath("//li[@data-order='" + orderId + "']//button[text()='Mark delivered']")).click();
    until("the delivered order to leave the console", page -> page.findElements(
        By.cssSelector("[data-order='" + orderId + "']")).isEmpty());
    browser = shopper;
    waitForStatus("DELIVERED");

    // the shopper reviews what they bought, with a picture; a moderator publishes it
    browser.findElement(By.linkText("Write a review")).click();
    waitForPath("/review");
    browser.findElement(By.xpath("//input[@name='rating'][@value='4']")).click();
    browser.findElement(By.name("title")).sendKeys("Bright & steady <b>really</b>");
    browser.findElement(By.name("body")).sendKeys("Stayed lit all night on the boat. <script>alert(1)</script>");
    browser.findElement(By.name("images")).sendKeys(picture().toString());
    screenshot("13-write-a-review");
    // the reviews service learns of the delivery from the orders' events a moment after it
    until("the review to be taken", page -> {
      if (URI.create(page.getCurrentUrl()).getPath().startsWith("/products/")) {
        return true;
      }
      try {
        WebElement send = page.findElement(By.cssSelector("#review-form button[type=submit]"));
        if (send.isEnabled()) {
          send.click();
        }
      } catch (org.openqa.selenium.WebDriverException leaving) {
        // the page is on its way to the product page
      }
      return false;
    });
    assertThat(browser.findElement(By.cssSelector("#reviews .notice")).getText()).contains("moderator");
    browser = admin;
    browser.navigate().refresh();
    WebElement pending = browser.findElement(By.xpath("//li[@data-review][contains(., 'Stayed lit all night')]"));
    assertThat(pending.findElements(By.cssSelector(".review-images img"))).hasSize(1);
    screenshot("14-console-review-to-moderate");
    pending.findElement(By.xpath(".//button[text()='Publish']")).click();
    until("the review to leave the queue", page -> page.findElements(
        By.xpath("//li[@data-review][contains(., 'Stayed lit all night')]")).isEmpty());
    browser = shopper;
    browser.get(TestPlatform.baseUrl() + "/products/" + created.getString("id") + "#reviews");
    WebElement published = browser.findElement(By.cssSelector(".review-list .review"));
    assertThat(published.getText()).contains("Bright & steady <b>really</b>",
        "Stayed lit all night on the boat. <script>alert(1)</script>", "Verified purchase", "★★★★☆");
    assertThat(published.findElements(By.cssSelector(".review-images img"))).hasSize(1);
    screenshot("15-review-on-the-product-page");
    // someone else finds it helpful
    browser = admin;
    browser.get(TestPlatform.baseUrl() + "/products/" + created.getString("id") + "#reviews");
    browser.findElement(By.xpath("//li[contains(@class,'review')][contains(., 'Stayed lit all night')]"
        + "//button[text()='Yes']")).click();
    until("the helpful vote to show", page -> page.findElement(By.cssSelector(".review-list .review")).getText()
        .contains("1 found this helpful"));
    browser = shopper;
    browser.findElement(By.linkText("Orders")).click();
    waitForPath("/orders");
    assertThat(browser.findElement(By.cssSelector("table.list")).getText()).contains("Delivered", "$59.00");
  }

  /** A 240 × 160 PNG, as a shopper's photo. */
  private static Path picture() {
    try {
      java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(240, 160,
          java.awt.image.BufferedImage.TYPE_INT_RGB);
      java.awt.Graphics2D paint = image.createGraphics();
      paint.setColor(new java.awt.Color(0xd9, 0x48, 0x0f));
      paint.fillRect(0, 0, 240, 160);
      paint.setColor(java.awt.Color.YELLOW);
      paint.fillOval(80, 40, 80, 80);
      paint.dispose();
      Path file = Files.createTempFile("lantern", ".png");
      javax.imageio.ImageIO.write(image, "png", file.toFile());
      return file.toAbsolutePath();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void waitFor(By element) {
    until(element.toString(), page -> !page.findElements(element).isEmpty());
  }

  private static void waitForPath(String path) {
    until("the page at " + path, page -> URI.create(page.getCurrentUrl()).getPath().equals(path));
  }

  private static void waitForStatus(String status) {
    until("the order to be " + status, page -> status.equals(
        page.findElement(By.id("order-status")).getAttribute("data-status")));
  }

  /** Waits for {@code condition}; a timeout says what the page showed (its notice) and keeps a screenshot of it. */
  private static void until(String what, java.util.function.Function<WebDriver, Boolean> condition) {
    try {
      // a page that reloads replaces the elements a condition was reading: Chrome reports that as a stale element or
      // as a node no longer in the document, both WebDriverExceptions; a condition that never holds still times out
      new WebDriverWait(browser, WAIT).ignoring(org.openqa.selenium.WebDriverException.class)
          .until(condition::apply);
    } catch (org.openqa.selenium.TimeoutException e) {
      screenshot("failed-waiting");
      String notice = browser.findElements(By.id("notice")).stream().map(WebElement::getText).findFirst().orElse("");
      throw new AssertionError("Waited in vain for " + what + " at " + browser.getCurrentUrl() + "; notice: "
          + notice, e);
    }
  }

  private static void screenshot(String name) {
    try {
      Files.write(SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
