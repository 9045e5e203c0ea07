package org.vigia.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.vigia.ingest.replay.Replay;
import org.vigia.ingest.replay.ReplayOptions;

/**
 * The control panel tells the case study's story, in a real headless Chromium, over the real
 * Mexico 2013–2015 replay through the whole stack: the plan as of its first cut-off (PGR's low
 * completion, its stalled commitments), the Detained Persons Registry's flat year and its resume,
 * and every axis label in both languages. Screenshots go to {@code target/screenshots/}.
 */
class PanelStoryIT {
    static final Path DATASET = Path.of("..", "data", "mexico-2013-2015");
    static final String PLAN = "MX-2013-2015";
    static final String REGISTRY = "MX-PA15-04";
    @TempDir
    static Path dataDir;
    static StackFixture fixture;
    static WebDriver browser;
    static String base;

    @BeforeAll
    static void replayThePlanAndOpenABrowser() throws Exception {
        Chromium.requireInstalled();
        fixture = new StackFixture(dataDir, "panel", Map.of());
        Replay.run(fixture.stack.kafka(), DATASET, ReplayOptions.defaults());
        await("every commitment of the plan completed").atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(1))
                .until(() -> fixture.query("/api/v1/commitments?plan=" + PLAN + "&state=COMPLETED").body()
                        .split("\"commitmentId\"").length - 1 == 12);
        // The roll-ups follow the judge through a repartition topic: wait until their history stops changing.
        AtomicReference<String> previous = new AtomicReference<>("");
        await("the roll-up history is complete").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(2))
                .until(() -> {
                    String now = fixture.query("/api/v1/agencies/series?plan=" + PLAN).body();
                    return now.contains("\"PGR\"") && now.equals(previous.getAndSet(now));
                });
        base = "http://127.0.0.1:" + fixture.stack.processorPort() + "/";
        browser = Chromium.start();
    }

    @AfterEach
    void noContentSecurityPolicyViolations() {
        if (browser != null) {
            assertThat(Chromium.console(browser)).noneMatch(m -> m.contains("Content Security Policy")
                    || m.contains("Refused to"));
        }
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (fixture != null) {
            fixture.close();
        }
    }

    private static WebElement find(String css) {
        return browser.findElement(By.cssSelector(css));
    }

    private static void open(String query) {
        browser.get(base + query);
        await("the panel has loaded the plan").atMost(Duration.ofSeconds(30)).ignoreExceptions()
                .until(() -> browser.findElements(By.cssSelector("#commitments tbody tr[data-id]")).size() == 12
                        && !browser.findElements(By.cssSelector("#sector-chart svg.chart path.line")).isEmpty());
    }

    private static double attr(WebElement e, String name) {
        return Double.parseDouble(e.getAttribute(name));
    }

    @Test
    void atTheFirstCutoffTheJusticeBarShowsPgrsLowCompletionAndThePanelCountsItsStalledCommitments() {
        open("?lang=en");
        find("#cutoffs button[data-date='2014-10-27']").click();
        await("the plan as of 27 Oct 2014").atMost(Duration.ofSeconds(20)).ignoreExceptions().until(() ->
                "3".equals(find("#sectors .row[data-name='justice-security']").getAttribute("data-stalled")));

        assertThat(browser.getCurrentUrl()).contains("asOf=2014-10-27");
        assertThat(find("#as-of").getText()).isEqualTo("Data as of 27 Oct 2014");
        WebElement justice = find("#sectors .row[data-name='justice-security']");
        double completion = attr(justice, "data-completion");
        assertThat(completion).as("PGR's three commitments barely started").isBetween(1.0, 10.0);
        assertThat(justice.getText()).contains("(0/3)").contains("3 stalled").contains(String.format("%.1f %%", completion));
        WebElement track = justice.findElement(By.cssSelector("svg.bar rect.track"));
        WebElement fill = justice.findElement(By.cssSelector("svg.bar rect.fill"));
        assertThat(fill.getRect().getWidth()).as("the bar is drawn, and short").isPositive()
                .isLessThan(track.getRect().getWidth() / 8);
        WebElement infrastructure = find("#sectors .row[data-name='infrastructure']");
        assertThat(attr(infrastructure, "data-completion")).as("SCT far ahead").isGreaterThan(3 * completion);
        assertThat(find("#agencies .row[data-name='PGR']").getText()).contains("3 stalled");

        assertThat(find("#summary .tile[data-state='STALLED'] .n").getText()).isEqualTo("3");
        assertThat(browser.findElements(By.cssSelector("#commitments tbody tr[data-id] .badge.s-STALLED")))
                .hasSize(3);
        assertThat(find("#sector-chart line.as-of-rule").getAttribute("data-date")).isEqualTo("2014-10-27");
        assertThat(browser.findElements(By.cssSelector("#sector-chart g.cutoff"))).extracting(e -> e.getAttribute(
                "data-date")).containsExactly("2014-10-27", "2015-03-08", "2015-07-22");
        assertThat(find("#alerts").getText()).contains("Sensitivity spike").doesNotContain("Resumed");
        assertThat(find("#csv").getAttribute("href")).contains("asOf=2014-10-27");
        Chromium.screenshot(browser, "panel-as-of-2014-10-27-en");
    }

    @Test
    void theDetainedPersonsRegistryShowsAFlatOfficialLineThrough2014AShadedStallAndTheResumeInMarch2015() {
        open("?lang=en#/commitments/" + REGISTRY);
        await("the commitment page and its chart").atMost(Duration.ofSeconds(20)).ignoreExceptions().until(() ->
                find("#detail").isDisplayed() && find("#detail-chart path[data-series='official']") != null);
        assertThat(find("#overview").isDisplayed()).isFalse();
        assertThat(find("#detail-title").getText()).contains("Registro de detenidos").contains("PGR");
        WebElement chart = find("#detail-chart svg.chart");
        Scale x = new Scale(chart);

        List<double[]> official = vertices(find("#detail-chart path[data-series='official']").getAttribute("d"));
        List<Double> heights2014 = new ArrayList<>();
        for (double[] v : official) {
            LocalDate day = x.dayAt(v[0]);
            if (!day.isBefore(LocalDate.parse("2014-01-01")) && !day.isAfter(LocalDate.parse("2014-12-31"))) {
                heights2014.add(v[1]);
            }
        }
        assertThat(heights2014).as("a point for every day of 2014").hasSizeGreaterThanOrEqualTo(365);
        assertThat(heights2014.stream().distinct().toList()).as("flat through 2014").hasSize(1);
        assertThat(x.percentAt(heights2014.get(0))).as("and low").isBetween(0.5, 10.0);

        List<WebElement> stalls = browser.findElements(By.cssSelector("#detail-chart rect.stall"));
        assertThat(stalls).anySatisfy(s -> {
            assertThat(s.getAttribute("data-from")).isLessThanOrEqualTo("2014-04-01");
            assertThat(s.getAttribute("data-to")).isGreaterThanOrEqualTo("2015-03-01");
            assertThat(s.getRect().getWidth()).as("shaded across the chart").isGreaterThan(
                    chart.getRect().getWidth() / 3);
            assertThat(x.dayAt(attr(s, "x"))).isBeforeOrEqualTo(LocalDate.parse("2014-04-01"));
        });
        WebElement resumed = find("#detail-chart g.marker[data-alert-type='RESUMED']");
        assertThat(resumed.getAttribute("data-date")).startsWith("2015-03");
        double markerX = vertices(resumed.findElement(By.cssSelector("path")).getAttribute("d")).get(0)[0];
        assertThat(x.dayAt(markerX)).isBetween(LocalDate.parse("2015-03-01"), LocalDate.parse("2015-03-31"));
        assertThat(resumed.isDisplayed()).isTrue();
        assertThat(browser.findElements(By.cssSelector("#detail-chart g.marker[data-alert-type='STALLED']")))
                .isNotEmpty();
        assertThat(chart.findElement(By.tagName("desc")).getAttribute("textContent"))
                .contains("Stalled period: from ").contains(" Mar 2014 to ").containsPattern("Resumed [0-9]+ Mar 2015");
        assertThat(find("#detail-body").getText()).contains("History").contains("Resumed");
        Chromium.screenshot(browser, "commitment-" + REGISTRY + "-en");

        find("#detail a.back").click();
        await("back to the plan").atMost(Duration.ofSeconds(10)).until(() -> find("#overview").isDisplayed());
    }

    @Test
    void theLanguageSwitchChangesTheAxisLabelsAndTheDates() {
        open("?lang=es");
        assertThat(find("#sector-chart .x-label").getText()).isEqualTo("Fecha");
        assertThat(find("#sector-chart .y-label").getText()).isEqualTo("Avance (%)");
        assertThat(ticks()).contains("ene 2014", "abr", "ene 2015").doesNotContain("Jan 2014");
        assertThat(find("#cutoffs button[data-date='2015-03-08']").getText()).isEqualTo("Corte 8 mar 2015");
        Chromium.screenshot(browser, "panel-es");

        find("#lang-en").click();
        await("the charts speak English").atMost(Duration.ofSeconds(10)).until(() ->
                find("#sector-chart .x-label").getText().equals("Date"));
        assertThat(find("#sector-chart .y-label").getText()).isEqualTo("Completion (%)");
        assertThat(find("#agency-chart .y-label").getText()).isEqualTo("Completion (%)");
        assertThat(ticks()).contains("Jan 2014", "Apr", "Jan 2015").doesNotContain("ene 2014");
        assertThat(find("#cutoffs button[data-date='2015-03-08']").getText()).isEqualTo("Cut-off 8 Mar 2015");
        assertThat(find("[data-i18n=overTimeAgency]").getText()).isEqualTo("Completion over time by agency");
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
        Chromium.screenshot(browser, "panel-en");
    }

    @Test
    void aChartAnswersTheKeyboardAndEnterShowsThePlanOnThatDay() {
        open("?lang=en&asOf=2015-03-08");
        WebElement chart = find("#agency-chart svg.chart");
        assertThat(chart.getAttribute("tabindex")).isEqualTo("0");
        assertThat(chart.getAttribute("aria-labelledby")).isNotBlank();
        chart.sendKeys(Keys.ARROW_RIGHT);
        await("the readout names the week after").atMost(Duration.ofSeconds(5)).until(() ->
                find("#agency-chart .readout").getText().startsWith("15 Mar 2015:"));
        assertThat(find("#agency-chart .readout").getText()).contains("PGR").contains("SCT");
        chart.sendKeys(Keys.ENTER);
        await("the plan as of that day").atMost(Duration.ofSeconds(20)).until(() ->
                browser.getCurrentUrl().contains("asOf=2015-03-15"));
        await("the bars follow").atMost(Duration.ofSeconds(20)).ignoreExceptions().until(() ->
                find("#as-of").getText().equals("Data as of 15 Mar 2015"));
    }

    private static List<String> ticks() {
        return browser.findElements(By.cssSelector("#sector-chart .x-tick")).stream().map(WebElement::getText).toList();
    }

    private static final Pattern NUMBER_PAIR = Pattern.compile("(-?[0-9.]+),(-?[0-9.]+)");

    private static List<double[]> vertices(String d) {
        List<double[]> out = new ArrayList<>();
        Matcher m = NUMBER_PAIR.matcher(d);
        while (m.find()) {
            out.add(new double[] {Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2))});
        }
        return out;
    }

    /** The chart's own scale, read from its attributes: SVG x to days, SVG y to percent. */
    private record Scale(LocalDate from, LocalDate to, double left, double right, double top, double bottom) {
        Scale(WebElement svg) {
            this(LocalDate.parse(svg.getAttribute("data-from")), LocalDate.parse(svg.getAttribute("data-to")),
                    attr(svg, "data-plot-left"), attr(svg, "data-plot-right"), attr(svg, "data-plot-top"),
                    attr(svg, "data-plot-bottom"));
        }

        LocalDate dayAt(double x) {
            long days = to.toEpochDay() - from.toEpochDay();
            return from.plusDays(Math.round((x - left) / (right - left) * days));
        }

        double percentAt(double y) {
            return (bottom - y) / (bottom - top) * 100;
        }
    }
}
