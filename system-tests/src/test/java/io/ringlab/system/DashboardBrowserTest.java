package io.ringlab.system;

import io.ringlab.model.status.AgentStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The admin dashboard in a real browser (headless Chromium) over a real cluster on loopback: three ring servers,
 * two agents, two load clients under load. A person signs in, sees three servers and two agents, takes server 2
 * down from the page, sees it down and the agents stop sending to it, and sees it come back. Also: no control
 * before sign-in, no control without a session or a CSRF token, a service that stops shown unreachable
 * while the rest stay live, an election started from the page shown with its winner, and the faults panel over the
 * launcher's real REST for a lab on paper ({@link PaperLab}): a fault it cannot read refused with the parser's
 * reason, two given, both healed at once, each change shown with who made it. Screenshots are saved under {@code system-tests/target/dashboard-screenshots}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardBrowserTest {

    private static final long SEED = Long.getLong("ringlab.test.seed", System.nanoTime());
    /** Long enough to see it down and check both agents on a busy machine before it comes back by itself. */
    private static final int DOWN_SECONDS = 30;

    private static final Duration PAGE_WAIT = Duration.ofSeconds(60);
    /** Never opened: the page only links to it. */
    private static final String GRAFANA = "http://grafana.invalid:3000";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Cluster cluster;
    private List<RunningService> servers;
    private List<RunningService> agents;
    private List<RunningService> clients;
    private String dashboardUrl;
    private ChromeDriver browser;
    private PaperLab lab;

    @BeforeAll
    void start() {
        cluster = new Cluster();
        // every service and the dashboard take Cluster.PASSWORD; no periodic rounds: only the person at the page takes
        // a server down
        servers = cluster.ring(
                3, new Random(SEED), "--ringlab.server.ring.periodic=false", "--ringlab.server.ring.downtime=5s");
        agents = List.of(cluster.agent("agent-1", servers), cluster.agent("agent-2", servers));
        clients = List.of(
                cluster.client(
                        "client-1",
                        Cluster.address(agents.get(0)),
                        "--ringlab.client.threads=4",
                        "--ringlab.client.timeout=30s"),
                cluster.client(
                        "client-2",
                        Cluster.address(agents.get(1)),
                        "--ringlab.client.threads=4",
                        "--ringlab.client.timeout=30s"));
        try {
            lab = new PaperLab("admin", Cluster.PASSWORD);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        RunningService dashboard = cluster.dashboard(
                servers,
                agents,
                clients,
                "--ringlab.dashboard.lab-url=" + lab.url(),
                "--ringlab.dashboard.grafana-url=" + GRAFANA);
        dashboardUrl = "http://127.0.0.1:" + dashboard.httpPort() + "/";
        browser = HeadlessChromium.start();
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (cluster != null) {
            cluster.close();
        }
        if (lab != null) {
            lab.close();
        }
    }

    @Test
    @Order(1)
    void beforeSignInThePageShowsNoControlOnlyTheSignInForm() {
        browser.get(dashboardUrl);

        page().until(ExpectedConditions.urlContains("/login"));
        page().until(ExpectedConditions.elementToBeClickable(By.id("sign-in-button")));
        assertThat(browser.findElements(By.cssSelector("[data-control]"))).isEmpty();
        assertThat(browser.findElements(By.cssSelector("[data-server]"))).isEmpty();
    }

    @Test
    @Order(2)
    void aControlWithoutASessionOrWithoutTheCsrfTokenIsRefused() throws Exception {
        String takeDown = "/api/control/servers/server-2/down";
        DashboardSession stranger = new DashboardSession(dashboardUrl);
        assertThat(stranger.control("POST", takeDown, "{\"seconds\": 5}", true).statusCode())
                .isEqualTo(401);
        DashboardSession signedIn = new DashboardSession(dashboardUrl);
        assertThat(signedIn.signIn("admin", "not-the-password")).isFalse();
        assertThat(signedIn.signIn("admin", Cluster.PASSWORD)).isTrue();
        HttpResponse<String> withoutToken = signedIn.control("POST", takeDown, "{\"seconds\": 5}", false);

        assertThat(withoutToken.statusCode()).isEqualTo(403);
        assertThat(servers.get(1).serverStatus().state()).isEqualTo("up");
    }

    @Test
    @Order(3)
    void signInTakeServer2DownSeeTheAgentsStopSendingToItAndSeeItComeBack() throws Exception {
        signIn();
        page().until(driver ->
                driver.findElements(By.cssSelector("[data-server]")).size() == 3
                        && driver.findElements(By.cssSelector("[data-agent]")).size() == 2);
        for (String server : List.of("server-1", "server-2", "server-3")) {
            page().until(ExpectedConditions.attributeToBe(serverRow(server), "data-state", "up"));
        }
        assertTheRingPictureShowsTheServersInRingOrder();
        assertThat(browser.findElement(By.cssSelector("[data-server='server-1'] [data-grafana='server']"))
                        .getAttribute("href"))
                .isEqualTo(GRAFANA + "/d/ringlab-overview/ringlab-overview?viewPanel=6");
        assertThat(browser.findElements(By.cssSelector("[data-client] [data-grafana='client']")))
                .hasSize(2);
        for (String agent : List.of("agent-1", "agent-2")) {
            page().until(ExpectedConditions.attributeToBe(agentRow(agent, "server-2"), "data-up", "true"));
            page().until(ExpectedConditions.presenceOfElementLocated(ringLink(agent, "server-2")));
            // the agent's upstream histogram, as p50 / p99 bucket bounds
            page().until(driver -> driver.findElement(By.cssSelector(
                            "[data-agent='" + agent + "'] [data-agent-server='server-1'] [data-field='upstream']"))
                    .getText()
                    .matches("≤ \\d+(\\.\\d+)? (µs|ms) / (≤ \\d+(\\.\\d+)? (µs|ms)|> 2\\.5 s)"));
        }

        WebElement seconds = browser.findElement(By.id("down-seconds-server-2"));
        seconds.clear();
        seconds.sendKeys(Integer.toString(DOWN_SECONDS));
        browser.findElement(By.id("take-down-server-2")).click();

        page().until(ExpectedConditions.attributeToBe(serverRow("server-2"), "data-state", "down"));
        assertThat(browser.findElement(serverRow("server-2")).getText()).contains("down (manual)");
        assertTheAgentsSendNothingTo(servers.get(1));
        for (String agent : List.of("agent-1", "agent-2")) {
            page().until(ExpectedConditions.attributeToBe(agentRow(agent, "server-2"), "data-up", "false"));
            page().until(ExpectedConditions.textToBe(
                    By.cssSelector(
                            "[data-agent='" + agent + "'] [data-agent-server='server-2'] [data-field='sent-rate']"),
                    "0"));
            // in the picture: the agent's link to server 2 is gone, those to the others stay
            page().until(ExpectedConditions.numberOfElementsToBe(ringLink(agent, "server-2"), 0));
            assertThat(browser.findElements(ringLink(agent, "server-1"))).hasSize(1);
        }
        page().until(ExpectedConditions.attributeToBe(ringServer("server-2"), "data-state", "down"));
        assertThat(text(ringServer("server-2"))).contains("down (manual)");
        page().until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#timeline [data-timeline-server='server-2'] [data-state='down']")));
        page().until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#events tr[data-kind='out'][data-source='agent-1']")));
        HeadlessChromium.screenshot(browser, "server-2-down");

        Duration back = Duration.ofSeconds(DOWN_SECONDS).plus(PAGE_WAIT);
        wait(back).until(ExpectedConditions.attributeToBe(serverRow("server-2"), "data-state", "up"));
        for (String agent : List.of("agent-1", "agent-2")) {
            page().until(ExpectedConditions.attributeToBe(agentRow(agent, "server-2"), "data-up", "true"));
        }
        assertTheAgentsSendAgainTo(servers.get(1));
        HeadlessChromium.screenshot(browser, "server-2-back");
    }

    @Test
    @Order(4)
    void aServiceThatStopsIsShownUnreachableWhileTheRestStayLive() throws Exception {
        signIn();
        By client2 = By.cssSelector("[data-client='client-2']");
        page().until(ExpectedConditions.attributeToBe(client2, "data-reachable", "true"));

        clients.get(1).close();

        page().until(ExpectedConditions.attributeToBe(client2, "data-reachable", "false"));
        assertThat(browser.findElement(client2).getText()).contains("unreachable");
        assertThat(browser.findElement(client2)
                        .findElement(By.cssSelector("[data-control='start']"))
                        .isEnabled())
                .isFalse();
        // the rest goes on: the page keeps updating, client 1 keeps sending, every server is still up
        By updated = By.id("updated");
        String before = browser.findElement(updated).getText();
        page().until(driver -> !driver.findElement(updated).getText().equals(before));
        By client1 = By.cssSelector("[data-client='client-1']");
        page().until(ExpectedConditions.attributeToBe(client1, "data-reachable", "true"));
        page().until(driver -> requestsPerSecond(driver.findElement(client1)) > 0);
        for (String server : List.of("server-1", "server-2", "server-3")) {
            page().until(ExpectedConditions.attributeToBe(serverRow(server), "data-state", "up"));
        }
        HeadlessChromium.screenshot(browser, "client-2-unreachable");
    }

    @Test
    @Order(5)
    void anElectionStartedFromThePageShowsItsRoundAndItsWinnerDown() throws Exception {
        signIn();
        page().until(ExpectedConditions.elementToBeClickable(By.id("election-server-1")))
                .click();

        page().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#rounds [data-round]")));
        String winner = browser.findElement(By.cssSelector("#rounds [data-round] td:nth-child(2)"))
                .getText();
        assertThat(winner).isIn("server-1", "server-2", "server-3");
        page().until(ExpectedConditions.textToBePresentInElementLocated(serverRow(winner), "elected"));
        page().until(ExpectedConditions.attributeToBe(ringServer(winner), "data-winner", "true"));
        // the round was replayed before its winner was marked: the nominee travelled, then the result went round
        WebElement picture = browser.findElement(By.id("ring-picture"));
        assertThat(picture.getAttribute("data-round-phase")).isEqualTo("won");
        assertThat(picture.getAttribute("data-round-phases")).isEqualTo("started nominee result won");
        assertThat(picture.getAttribute("data-round-hop")).isEqualTo(winner);
        page().until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#timeline [data-timeline-round='" + winner + "']")));
        // the page was loaded again since server 2 was down: its strip has that downtime from the dashboard's
        // history, and client 1's strip starts before the page was loaded
        page().until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#timeline [data-timeline-server='server-2'] [data-state='down']")));
        double loadedAt = ((Number) browser.executeScript("return performance.timeOrigin")).doubleValue();
        String firstSample = browser.findElement(
                        By.cssSelector("#timeline [data-timeline-client='client-1'][data-field='success']"))
                .getAttribute("data-first-sample");
        assertThat(Double.parseDouble(firstSample)).isLessThan(loadedAt);
        assertThat(browser.findElements(By.cssSelector("#ring-picture [data-ring-server][data-winner='true']")))
                .hasSize(1);
        page().until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#events tr[data-kind='round'][data-source='" + winner + "']")));
        page().until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#events tr[data-kind='operator'][data-source='server-1'] [data-field='by']"), "admin"));
        HeadlessChromium.screenshot(browser, "election");
    }

    @Test
    @Order(6)
    void faultsAreGivenFromThePanelAndHealedAllAtOnceWithTheReasonForOneTheLabCannotRead() throws Exception {
        signIn();
        page().until(ExpectedConditions.visibilityOfElementLocated(By.id("faults-panel")));

        String unknownHost = "freeze server-9";
        giveFault(unknownHost);
        page().until(ExpectedConditions.visibilityOfElementLocated(By.id("fault-error")));
        assertThat(text(By.id("fault-error"))).contains(lab.refusal(unknownHost));
        assertThat(browser.findElements(By.cssSelector("[data-fault]"))).isEmpty();

        giveFault("for 10m loss 5% agent<->server");
        page().until(ExpectedConditions.attributeToBe(faultRow(1), "data-state", "active"));
        giveFault("partition server-1 | server-2,server-3");
        page().until(ExpectedConditions.attributeToBe(faultRow(2), "data-state", "active"));
        assertThat(text(faultRow(1))).contains("loss 5% agent<->server").contains("admin (dashboard");
        assertThat(text(By.cssSelector("[data-fault='1'] [data-field='remaining']")))
                .matches("\\d+ s");
        assertThat(text(faultRow(2))).contains("until healed");
        assertThat(browser.findElement(By.id("fault-error")).isDisplayed()).isFalse();
        HeadlessChromium.screenshot(browser, "faults-active");

        browser.findElement(By.id("heal-all-faults")).click();

        page().until(ExpectedConditions.attributeToBe(faultRow(1), "data-state", "ended"));
        page().until(ExpectedConditions.attributeToBe(faultRow(2), "data-state", "ended"));
        assertThat(lab.faults()).allSatisfy(fault -> assertThat(fault.state()).isEqualTo("ended"));
        for (String event : List.of("1-start", "2-start", "1-end", "2-end")) {
            page().until(ExpectedConditions.textToBePresentInElementLocated(
                    By.cssSelector("[data-event='" + event + "'] [data-field='by']"),
                    "admin (dashboard, from 127.0.0.1)"));
        }
        // the lab's fault events are in the run's event log too, with who gave them
        page().until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#events tr[data-kind='fault'][data-source='lab'] [data-field='by']"),
                "admin (dashboard"));
        HeadlessChromium.screenshot(browser, "faults-healed");
    }

    @Test
    @Order(7)
    void theEventLogDownloadsAsJsonThatMatchesThePageAndAsEscapedCsv() throws Exception {
        signIn();
        page().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#events tr[data-kind='round']")));
        DashboardSession session = new DashboardSession(dashboardUrl);
        assertThat(session.signIn("admin", Cluster.PASSWORD)).isTrue();

        HttpResponse<String> download = session.get("/api/events?format=json&download=true");
        assertThat(download.headers().firstValue("Content-Disposition"))
                .hasValueSatisfying(d -> assertThat(d).contains("attachment"));
        JsonNode events = JSON.readTree(download.body()).path("events");
        List<Long> seqs = new ArrayList<>();
        List<String> kinds = new ArrayList<>();
        events.forEach(event -> {
            seqs.add(event.path("seq").asLong());
            kinds.add(event.path("kind").asString());
        });
        assertThat(seqs).isSorted().doesNotHaveDuplicates();
        // the story so far, in order: server 2 down, out at the agents, back, then a round; each given by a person.
        // An action and its first effect may come in either order: a server acts on a control before its answer
        // is back at the dashboard, which logs the action then, and a poll may see the effect in between.
        assertThat(kinds).containsSubsequence("down", "out", "up", "in", "round");
        List<String> actions = new ArrayList<>();
        events.forEach(event -> {
            if (event.path("kind").asString().equals("operator")) {
                actions.add(event.path("text").asString());
            }
        });
        assertThat(actions)
                .containsSubsequence("POST servers/server-2/down → 202", "POST servers/server-1/election → 202");
        // every row the page lists is in the download, with the same text
        List<WebElement> rows = browser.findElements(By.cssSelector("#events tr[data-seq]"));
        assertThat(rows).isNotEmpty();
        for (WebElement row : rows) {
            long seq = Long.parseLong(row.getAttribute("data-seq"));
            assertThat(seqs).as("event " + seq + " in the download").contains(seq);
            assertThat(row.findElement(By.cssSelector("[data-field='text']")).getText())
                    .isEqualTo(events.get(seqs.indexOf(seq)).path("text").asString());
        }

        String[] lines = session.get("/api/events?kind=round&format=csv").body().split("\r\n");
        assertThat(lines[0]).isEqualTo("seq,time,epochMillis,kind,source,text,by");
        JsonNode round = JSON.readTree(session.get("/api/events?kind=round").body())
                .path("events")
                .get(0);
        // a round's text has a comma: the field is quoted
        assertThat(round.path("text").asString()).contains(",");
        assertThat(lines[1])
                .endsWith(",round," + round.path("source").asString() + ",\""
                        + round.path("text").asString().replace("\"", "\"\"") + "\",");
    }

    @Test
    @Order(8)
    void sevenServersAreDrawnInTheirRingOrderWithTheirNeighbourLinks() throws Exception {
        signIn();
        // a view of seven servers, as the page gets it from /api/cluster, drawn into a picture of its own
        List<String> ring = List.of("s-1", "s-4", "s-7", "s-3", "s-6", "s-2", "s-5");
        browser.executeScript("""
                const ring = arguments[0];
                const ids = ring.map(name => '10.0.0.' + name.slice(2) + ':4242');
                const names = Object.fromEntries(ids.map((id, i) => [id, ring[i]]));
                const servers = [...ring].sort().map(name => {
                  const i = ring.indexOf(name);
                  return {name, reachable: true, status: {state: 'up'}, ring: {self: ids[i], members: ids,
                    right: ids[(i + 1) % ids.length], value: i, state: 'normal', suspected: [], lastWinners: []}};
                });
                const picture = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
                picture.id = 'seven';
                picture.setAttribute('viewBox', '0 0 840 440');
                document.body.append(picture);
                renderRingPicture({servers, agents: [], clients: [], serverNames: names}, picture);
                """, ring);
        List<WebElement> nodes = browser.findElements(By.cssSelector("#seven [data-ring-server]"));
        assertThat(nodes).hasSize(7);
        assertThat(inDrawnOrder(nodes)).isEqualTo(ring);
        for (int i = 0; i < ring.size(); i++) {
            String link = ring.get(i) + ">" + ring.get((i + 1) % ring.size());
            assertThat(browser.findElements(By.cssSelector("#seven [data-neighbour='" + link + "']")))
                    .as(link)
                    .hasSize(1);
        }
    }

    @Test
    @Order(9)
    void onAPhoneSizedScreenThePageIsReadOnlyWithThePictureStillThere() throws Exception {
        signIn();
        org.openqa.selenium.Dimension desktop = browser.manage().window().getSize();
        try {
            browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
            page().until(ExpectedConditions.invisibilityOfElementLocated(By.id("take-down-server-1")));
            assertThat(browser.findElement(By.id("election-server-1")).isDisplayed())
                    .isFalse();
            assertThat(browser.findElement(By.id("ring-picture")).isDisplayed()).isTrue();
            assertThat(browser.findElement(By.id("event-kind")).isDisplayed()).isTrue();
            HeadlessChromium.screenshot(browser, "phone");
        } finally {
            browser.manage().window().setSize(desktop);
        }
    }

    /** The picture's servers in ring order are the ring's members, each linked to its right neighbour. */
    private void assertTheRingPictureShowsTheServersInRingOrder() {
        Map<String, String> names = new HashMap<>();
        for (RunningService server : servers) {
            names.put(server.ringStatus().self(), server.name());
        }
        List<String> expected =
                servers.get(0).ringStatus().members().stream().map(names::get).toList();
        List<String> drawn = page().until(driver -> {
            List<WebElement> nodes = driver.findElements(By.cssSelector("#ring-picture [data-ring-server]"));
            return nodes.size() == 3 ? inDrawnOrder(nodes) : null;
        });
        assertThat(drawn).isEqualTo(expected);
        for (int i = 0; i < expected.size(); i++) {
            String link = expected.get(i) + ">" + expected.get((i + 1) % expected.size());
            page().until(ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("#ring-picture [data-neighbour='" + link + "']")));
        }
    }

    private static List<String> inDrawnOrder(List<WebElement> nodes) {
        return nodes.stream()
                .sorted(Comparator.comparingInt(node -> Integer.parseInt(node.getAttribute("data-order"))))
                .map(node -> node.getAttribute("data-ring-server"))
                .toList();
    }

    private static By ringServer(String server) {
        return By.cssSelector("#ring-picture [data-ring-server='" + server + "']");
    }

    private static By ringLink(String agent, String server) {
        return By.cssSelector("#ring-picture [data-link-agent='" + agent + "'][data-link-server='" + server + "']");
    }

    private void giveFault(String spec) {
        WebElement input = page().until(ExpectedConditions.elementToBeClickable(By.id("fault-spec")));
        input.clear();
        input.sendKeys(spec);
        browser.findElement(By.id("inject-fault")).click();
    }

    private static By faultRow(int id) {
        return By.cssSelector("[data-fault='" + id + "']");
    }

    /** Signs in through the page's form, unless this browser already has a session. */
    private void signIn() {
        browser.get(dashboardUrl);
        page().until(driver -> driver.getCurrentUrl().contains("/login")
                || !driver.findElements(By.cssSelector("[data-server]")).isEmpty());
        if (!browser.getCurrentUrl().contains("/login")) {
            return;
        }
        page().until(ExpectedConditions.elementToBeClickable(By.id("sign-in-button")));
        WebElement username = browser.findElement(By.id("username"));
        username.clear();
        username.sendKeys("admin");
        browser.findElement(By.id("password")).sendKeys(Cluster.PASSWORD);
        browser.findElement(By.id("sign-in-button")).click();
        page().until(ExpectedConditions.presenceOfElementLocated(By.id("take-down-server-2")));
        assertThat(browser.findElement(By.id("user")).getText()).isEqualTo("signed in as admin");
    }

    /** Through their own status: both agents have the server out of rotation and forward it nothing. */
    private void assertTheAgentsSendNothingTo(RunningService server) {
        for (RunningService agent : agents) {
            await().atMost(PAGE_WAIT).until(() -> !share(agent, server).up());
            long forwarded = share(agent, server).forwarded();
            await().during(Duration.ofSeconds(2))
                    .atMost(Duration.ofSeconds(5))
                    .until(() -> share(agent, server).forwarded() == forwarded);
        }
    }

    private void assertTheAgentsSendAgainTo(RunningService server) {
        for (RunningService agent : agents) {
            long forwarded = share(agent, server).forwarded();
            await().atMost(PAGE_WAIT)
                    .until(() ->
                            share(agent, server).up() && share(agent, server).forwarded() > forwarded);
        }
    }

    private static AgentStatus.ServerShare share(RunningService agent, RunningService server) {
        String id = "127.0.0.1:" + server.udpPort("requestSocket");
        return agent.agentStatus().servers().stream()
                .filter(share -> share.server().equals(id))
                .findFirst()
                .orElseThrow(() -> new AssertionError(agent.name() + " does not know " + id));
    }

    private static double requestsPerSecond(WebElement client) {
        String text = client.findElement(By.cssSelector("[data-field='rate']"))
                .getText()
                .replace(",", "");
        return text.matches("\\d+(\\.\\d+)?") ? Double.parseDouble(text) : 0;
    }

    /** A wait on the page, which re-renders parts of itself at every poll: an element replaced meanwhile is found again. */
    private WebDriverWait page() {
        return wait(PAGE_WAIT);
    }

    private WebDriverWait wait(Duration timeout) {
        WebDriverWait wait = new WebDriverWait(browser, timeout);
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    /** The text of an element, read again if the page replaced it meanwhile. */
    private String text(By element) {
        return page().until(driver -> driver.findElement(element).getText());
    }

    private static By serverRow(String server) {
        return By.cssSelector("[data-server='" + server + "']");
    }

    private static By agentRow(String agent, String server) {
        return By.cssSelector("[data-agent='" + agent + "'] [data-agent-server='" + server + "']");
    }
}
