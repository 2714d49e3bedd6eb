package io.polymart.main;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
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
 * a typo (suggestions appear as they type), filters by a facet, opens a product and picks a SKU, on a desktop and a
 * phone-sized screen. Screenshots of each step go to {@code target/storefront-screenshots/}. Without chromium and
 * chromedriver (which {@code .ci/run} installs) the tests are skipped, loudly.
 */
class StorefrontBrowserTest {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Path SCREENSHOTS = Path.of("target", "storefront-screenshots");
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static WebDriver browser;
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
    ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
        .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,900",
            "--lang=en-US");
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort().build();
    browser = new ChromeDriver(service, options);
  }

  @AfterAll
  static void stopBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void aGuestFindsAProductDespiteATypoFiltersByBrandAndPicksASku() {
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
  }

  private static void screenshot(String name) {
    try {
      Files.write(SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
