package dev.verbatim.app.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.verbatim.app.Workspace;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web UI in a real headless Chromium (Debian's {@code chromium} and {@code chromium-driver};
 * skipped when they are absent): one server on the fixture workspace, one browser. Screenshots of
 * each page go to {@code target/screenshots/}.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class WebUiIT {
  private static final Path SHOTS = Path.of("target", "screenshots");

  /** A failed test leaves a screenshot and the page's text behind, to see what the browser saw. */
  @RegisterExtension
  static final TestWatcher ON_FAILURE = new TestWatcher() {
    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
      if (driver == null) return;
      try {
        String name = "failed-" + context.getRequiredTestMethod().getName();
        shot(name);
        Files.writeString(SHOTS.resolve(name + ".txt"), driver.getCurrentUrl() + "\n" + driver.findElement(By.tagName("body")).getText());
      } catch (Exception e) {
        // best effort
      }
    }
  };

  @TempDir static Path dir;
  static VerbatimServer server;
  static ChromeDriver driver;
  static WebDriverWait wait;
  static String base;

  static String find(String env, String... candidates) {
    String e = System.getenv(env);
    if (e != null && Files.isExecutable(Path.of(e))) return e;
    for (String c : candidates) if (Files.isExecutable(Path.of(c))) return c;
    return null;
  }

  @BeforeAll
  static void start() throws Exception {
    String chromium = find("CHROME_BIN", "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome");
    String chromedriver = find("CHROMEDRIVER", "/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");
    assumeTrue(chromium != null && chromedriver != null,
        "headless Chromium and chromedriver are not installed (apt-get install chromium chromium-driver)");
    Workspace ws = Fixture.build(dir.resolve("ws"));
    server = VerbatimServer.forWorkspace(ws, ServerOptions.local(0).withRate(1000, 1000)).start();
    base = "http://127.0.0.1:" + server.port();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(chromium);
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--window-size=1280,1000", "--disable-extensions", "--no-first-run");
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(chromedriver))
        .usingAnyFreePort().build();
    driver = new ChromeDriver(service, options);
    wait = new WebDriverWait(driver, Duration.ofSeconds(15));
    Files.createDirectories(SHOTS);
  }

  @AfterAll
  static void stop() throws Exception {
    if (driver != null) driver.quit();
    if (server != null) server.close();
  }

  static void shot(String name) throws Exception {
    File f = driver.getScreenshotAs(OutputType.FILE);
    Files.copy(f.toPath(), SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
  }

  static List<WebElement> hits() {
    return driver.findElements(By.cssSelector("ol#hits li.hit"));
  }

  @Test
  void searchForThePlantedThemeHighlightsItThenAFacetFilters() throws Exception {
    driver.get(base + "/");
    WebElement q = wait.until(ExpectedConditions.elementToBeClickable(By.id("q")));
    q.sendKeys("\"charged twice\"", Keys.ENTER);
    wait.until(d -> d.getCurrentUrl().contains("charged") && !hits().isEmpty()
        && d.findElement(By.id("summary")).getText().startsWith("20 records"));
    WebElement mark = hits().get(0).findElement(By.tagName("mark"));
    assertTrue(mark.getText().toLowerCase().contains("charged"), mark.getText());
    assertFalse(driver.findElements(By.cssSelector("svg.histogram rect")).isEmpty(), "a time histogram");
    assertFalse(driver.findElements(By.cssSelector(".hit .chip.negative")).isEmpty(), "sentiment chips");
    assertFalse(driver.findElements(By.cssSelector(".hit .chip.topic")).isEmpty(), "topic chips");
    shot("search");

    driver.findElement(By.cssSelector("[data-facet=channel] input[data-value=chat]")).click();
    wait.until(d -> d.getCurrentUrl().contains("channel=chat")
        && !d.findElement(By.id("summary")).getText().startsWith("20 records") && !hits().isEmpty());
    for (WebElement h : hits()) {
      assertEquals("chat", h.findElements(By.cssSelector(".meta span")).get(1).getText());
    }
    assertTrue(driver.findElement(By.cssSelector("[data-facet=channel] input[data-value=chat]")).isSelected());
    shot("search-filtered");
  }

  @Test
  void frictionReportPageLinksIntoSearch() throws Exception {
    driver.get(base + "/friction");
    WebElement link = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("a[data-topic=billing]")));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("iframe.report")));
    Thread.sleep(300); // let the sandboxed frame render for the screenshot
    shot("friction");
    assertEquals(Boolean.TRUE, ((JavascriptExecutor) driver).executeScript("return window.__framed === undefined"),
        "the report's own script must not run");
    link.click();
    wait.until(d -> d.getCurrentUrl().contains("topic=billing") && !hits().isEmpty());
    wait.until(d -> d.findElement(By.id("summary")).getText().startsWith("20 records"));
  }

  @Test
  void topicExplorerShowsTopicsAndTheirVerbatims() throws Exception {
    driver.get(base + "/topics");
    WebElement row = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("tr[data-topic=billing]")));
    assertTrue(row.getText().contains("double charges"), row.getText());
    assertFalse(row.findElements(By.cssSelector("svg.spark polyline")).isEmpty(), "a trend sparkline");
    row.click();
    wait.until(d -> !d.findElements(By.cssSelector("#detail ol.hits li")).isEmpty());
    shot("topics");
    driver.get(base + "/login");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("token")));
    shot("login");
  }

  @Test
  void labelThreeItemsWithTheKeyboardAndFindThemSavedAfterAReload() throws Exception {
    driver.get(base + "/label");
    ((JavascriptExecutor) driver).executeScript("localStorage.clear()");
    driver.navigate().refresh();
    WebElement name = wait.until(ExpectedConditions.elementToBeClickable(By.id("reviewer")));
    name.sendKeys("carol", Keys.ENTER);
    String[] keys = {"n", "p", "u"};
    JavascriptExecutor js = driver;
    String itemJs = "var e = document.querySelector('.label-item[data-item]'); return e ? e.dataset.item : null;";
    for (String k : keys) {
      wait.until(d -> js.executeScript(itemJs) != null);
      Object id = js.executeScript(itemJs);
      new Actions(driver).sendKeys(k).perform();
      wait.until(d -> {
        Object now = js.executeScript(itemJs);
        return now != null && !now.equals(id);
      });
    }
    shot("label");
    driver.navigate().refresh();
    wait.until(d -> d.findElements(By.cssSelector("#mine li.saved")).size() == 3);
    List<WebElement> saved = driver.findElements(By.cssSelector("#mine li.saved .chip"));
    assertEquals("neutral", saved.get(0).getText());
    assertTrue(driver.findElement(By.id("progress-text")).getText().contains("3 of 8"),
        driver.findElement(By.id("progress-text")).getText());
    // the server has them too, not just the page
    JsonNode labels = new Http(server.port()).get("/api/review/labels?reviewer=carol").json().path("labels");
    assertEquals(3, labels.size());
    assertEquals("negative", labels.get(2).path("label").asText());
    // previous: the left arrow shows the last label read-only
    new Actions(driver).sendKeys(Keys.ARROW_LEFT).perform();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".label-item.previous")));
    shot("label-previous");
  }

  @Test
  void aRecordHoldingAScriptTagRendersAsText() throws Exception {
    driver.get(base + "/record?key=" + java.net.URLEncoder.encode(Fixture.XSS_KEY, java.nio.charset.StandardCharsets.UTF_8));
    WebElement text = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".turn .text")));
    assertEquals(Fixture.XSS_TEXT, text.getText());
    assertTrue(driver.findElements(By.cssSelector("#record script, #record img")).isEmpty());
    assertThrows(NoAlertPresentException.class, () -> driver.switchTo().alert());
    assertEquals(Boolean.TRUE, ((JavascriptExecutor) driver).executeScript("return window.__xss === undefined"));
    shot("record");

    driver.get(base + "/?q=script");
    wait.until(d -> !hits().isEmpty());
    assertTrue(hits().get(0).getText().contains("<script>"), hits().get(0).getText());
    assertTrue(driver.findElements(By.cssSelector("#hits script, #hits img")).isEmpty());
    assertThrows(NoAlertPresentException.class, () -> driver.switchTo().alert());
  }
}
