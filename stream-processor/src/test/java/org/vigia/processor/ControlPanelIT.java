package org.vigia.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.Select;
import org.vigia.events.Topics;

/**
 * The control panel in a real headless Chromium, against a real processor on the shared
 * broker: what a CSO sees, in Spanish and in English.
 */
class ControlPanelIT {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static ProcessorService processor;
    static WebDriver browser;
    static String base;

    @BeforeAll
    static void startProcessorAndBrowser() throws Exception {
        // CI installs Debian's chromium and chromium-driver and must run this; elsewhere a
        // missing browser is reported, not failed.
        String hint = "needs Debian's chromium and chromium-driver (apt-get install chromium chromium-driver)";
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (System.getenv("CI") == null) {
            Assumptions.assumeTrue(present, hint);
        }
        assertThat(present).as(hint).isTrue();

        String prefix = BrokerSupport.uniquePrefix();
        processor = new ProcessorService(ProcessorSettings.from(BrokerSupport.env(prefix, "vigia-panel-" + UUID.randomUUID())));
        processor.start();
        BrokerSupport.write(new Topics(prefix), Dataset.steps());
        base = "http://127.0.0.1:" + processor.httpPort() + "/";
        await("the query API lists every commitment").atMost(Duration.ofSeconds(90)).untilAsserted(() ->
                assertThat(BrokerSupport.get(processor.httpPort(), "/api/v1/commitments").body())
                        .contains("\"pgr-6\"").contains("\"sct-6\""));

        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--window-size=1400,1000",
                "--user-data-dir=" + Files.createTempDirectory("vigia-chromium").toAbsolutePath());
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (processor != null) {
            processor.close();
        }
    }

    private static List<WebElement> rows() {
        return browser.findElements(By.cssSelector("#commitments tbody tr[data-id]"));
    }

    private static void open(String query) {
        browser.get(base + query);
        await("the panel has loaded the commitments").atMost(Duration.ofSeconds(30))
                .until(() -> rows().size() == 12);
    }

    @Test
    void showsEveryCommitmentWithItsStateInSpanish() {
        open("?lang=es");
        assertThat(browser.getTitle()).isEqualTo("Vigía · Tablero de control");
        assertThat(browser.findElement(By.cssSelector("[data-i18n=commitments]")).getText()).isEqualTo("Compromisos");
        WebElement pgr = browser.findElement(By.cssSelector("#commitments tr[data-id='pgr-1']"));
        assertThat(pgr.getText()).contains("Registro pgr-1").contains("PGR").contains("justice-security");
        assertThat(browser.findElements(By.cssSelector("#commitments .badge")))
                .extracting(WebElement::getText)
                .containsAnyOf("Cumplido", "Estancado", "Vencido", "En curso", "En riesgo");
        assertThat(browser.findElement(By.id("summary")).getText()).contains("12").contains("Compromisos");
    }

    @Test
    void switchesToEnglishWithOneClick() {
        open("?lang=es");
        browser.findElement(By.id("lang-en")).click();
        await("the page speaks English").atMost(Duration.ofSeconds(10)).until(() ->
                browser.findElement(By.cssSelector("[data-i18n=commitments]")).getText().equals("Commitments"));
        assertThat(browser.getTitle()).isEqualTo("Vigía · Control panel");
        assertThat(browser.findElement(By.cssSelector("[data-i18n=bySector]")).getText()).isEqualTo("Completion by sector");
    }

    @Test
    void showsCompletionBySectorAndByAgency() {
        open("?lang=en");
        assertThat(browser.findElements(By.cssSelector("#sectors .row"))).extracting(e -> e.getAttribute("data-name"))
                .containsExactlyInAnyOrder("infrastructure", "justice-security");
        assertThat(browser.findElements(By.cssSelector("#agencies .row"))).extracting(e -> e.getAttribute("data-name"))
                .containsExactlyInAnyOrder("PGR", "SCT");
        assertThat(browser.findElement(By.id("agencies")).getText()).contains("%");
        WebElement sct = browser.findElement(By.cssSelector("#agencies .row[data-name='SCT'] svg.bar rect.fill"));
        assertThat(sct.getRect().getWidth()).as("bars are sized by SVG attributes, which the strict policy allows")
                .isPositive();
        assertThat(browser.findElements(By.cssSelector("#cutoffs button[data-date]")))
                .extracting(e -> e.getAttribute("data-date")).containsExactly("2014-10-27", "2015-03-08", "");
        assertThat(browser.manage().logs().get(LogType.BROWSER).getAll()).extracting(LogEntry::getMessage)
                .noneMatch(m -> m.contains("Content Security Policy"));
    }

    @Test
    void filtersByAgencyAndOffersTheSameListAsCsv() {
        open("?lang=en");
        new Select(browser.findElement(By.id("f-agency"))).selectByValue("PGR");
        await("only PGR's commitments remain").atMost(Duration.ofSeconds(10)).until(() -> rows().size() == 6);
        assertThat(rows()).allSatisfy(r -> assertThat(r.getAttribute("data-id")).startsWith("pgr-"));
        String csv = browser.findElement(By.id("csv")).getAttribute("href");
        assertThat(csv).contains("agency=PGR").contains("format=csv");
        BrokerSupport.Response download = BrokerSupport.get(processor.httpPort(), csv.substring(base.length() - 1));
        assertThat(download.contentType()).startsWith("text/csv");
        assertThat(download.body().lines().toList()).hasSize(7);
    }

    @Test
    void listsTheAlertTimelineAndOpensACommitmentsHistory() {
        open("?lang=en");
        assertThat(browser.findElements(By.cssSelector("#alerts li.alert"))).isNotEmpty();
        assertThat(browser.findElement(By.id("alerts")).getText()).contains("PGR");
        browser.findElement(By.cssSelector("#commitments tr[data-id='pgr-1']")).click();
        await("the history of pgr-1 shows").atMost(Duration.ofSeconds(10)).until(() ->
                browser.findElement(By.id("detail")).isDisplayed()
                        && browser.findElement(By.id("detail-body")).getText().contains("History"));
        assertThat(browser.findElement(By.id("detail-title")).getText()).contains("Registro pgr-1");
        assertThat(browser.findElement(By.id("detail-body")).getText()).contains("AGENCY").contains("Stalled");
        assertThat(browser.getCurrentUrl()).endsWith("#/commitments/pgr-1");
    }
}
