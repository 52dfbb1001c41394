package io.coreswarm.monitor.dashboard;

import static io.coreswarm.monitor.support.Api.awaitStatus;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.coreswarm.monitor.support.Api;
import io.coreswarm.monitor.support.Chromium;
import io.coreswarm.testsupport.Await;
import io.coreswarm.testsupport.TestApiToken;
import io.coreswarm.testsupport.EtcdCluster;
import io.coreswarm.testsupport.EtcdProcess;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The dashboard in a real headless Chromium (Debian's), watching a real three-member etcd cluster:
 * it shows the cluster HEALTHY with its members and leader, then, without a reload, DEGRADED naming
 * the killed member within two poll intervals of the poll that saw it, with the event in the
 * timeline and the change in the history chart. Screenshots are kept in target/screenshots.
 */
@QuarkusTest
class DashboardBrowserTest {
    static final Duration LIMIT = Duration.ofSeconds(60);
    /** Two poll intervals of the test profile (1s). */
    static final Duration TWO_POLLS = Duration.ofSeconds(2);
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    static EtcdCluster etcd;

    @TestHTTPResource("/")
    URI dashboard;

    @BeforeAll
    static void startEtcd() {
        etcd = new EtcdCluster("shown", 3, Path.of("target", "etcd-shown-" + ProcessHandle.current().pid()).toAbsolutePath()).start();
    }

    @AfterEach
    void forget() {
        Api.deleteTarget("shown");
    }

    @AfterAll
    static void stopEtcd() {
        etcd.close();
    }

    @Test
    void theDashboardComesFromTheJarWithNothingFromOutside() {
        String page = given().accept("text/html").get("/").then().statusCode(200).contentType("text/html").extract().asString();
        assertTrue(page.contains("<script src=\"dashboard.js\"></script>"), page);
        for (String file : List.of("/", "/dashboard.js", "/dashboard.css")) {
            String body = given().get(file).then().statusCode(200).extract().asString();
            assertFalse(body.matches("(?s).*(src|href)=\"(https?:)?//.*"), file + " loads something from elsewhere");
            assertFalse(body.contains("innerHTML"), file + " never parses API text as HTML");
        }
    }

    @Test
    void showsAClusterHealthyThenDegradedNamingTheKilledMemberWithoutAReload() throws Exception {
        Api.putTarget("shown", List.of(), etcd.clientUrls(), "mode", "v3");
        JsonPath healthy = awaitStatus("shown", "HEALTHY", LIMIT);
        String leader = healthy.getString("etcdLeader");
        try (Chromium browser = new Chromium(Path.of("target", "chromium-" + ProcessHandle.current().pid()))) {
            // without the token the page says how to get in
            browser.open(dashboard.toString());
            Await.until("the page to ask for the token", LIMIT, () -> browser.eval("document.getElementById('connection').textContent").asText(),
                    t -> t.contains("API token is missing"));
            // the link scripts/up prints: the token becomes a cookie and leaves the address bar
            browser.open(dashboard + "?token=" + TestApiToken.VALUE);
            Await.until("the redirect to /", LIMIT, () -> browser.eval("location.href").asText(), href -> !href.contains("token"));
            String status = "document.querySelector('[data-cluster=\"shown\"] .status')?.textContent";
            Await.until("the page to show shown HEALTHY", LIMIT, () -> browser.eval(status).asText(), "HEALTHY"::equals);
            Await.until("three members, one leader", LIMIT,
                    () -> browser.eval("[...document.querySelectorAll('[data-cluster=\"shown\"] .etcd tbody tr')]"
                            + ".map(r => r.dataset.member + ' ' + r.children[1].textContent + ' ' + r.children[2].textContent).join('|')").asText(),
                    rows -> rows.split("\\|").length == 3 && rows.contains(leader + " up leader"));
            Await.until("the live stream to open", LIMIT, () -> browser.eval("document.getElementById('connection').textContent").asText(),
                    "live"::equals);
            browser.eval("window.notReloaded = true");
            browser.screenshot(SCREENSHOTS.resolve("dashboard-healthy.png"));

            EtcdProcess follower = etcd.members().stream().filter(m -> !m.name().equals(leader)).findFirst().orElseThrow();
            follower.kill();
            Instant shown = Await.until("the page to show shown DEGRADED", LIMIT, Duration.ofMillis(50),
                    () -> browser.eval(status).asText(), "DEGRADED"::equals) != null ? Instant.now() : null;
            JsonPath events = Api.events("shown");
            Instant seen = Instant.parse(events.getString("find { it.kind == 'HEALTH' && it.to == 'DEGRADED' }.time"));
            System.out.printf("dashboard: DEGRADED shown %d ms after the poll that saw it%n", Duration.between(seen, shown).toMillis());
            assertTrue(Duration.between(seen, shown).compareTo(TWO_POLLS) <= 0,
                    "shown " + Duration.between(seen, shown).toMillis() + " ms after the poll that saw it");
            assertTrue(browser.eval("window.notReloaded === true").asBoolean(), "the same page, not reloaded");

            JsonNode reasons = browser.eval("[...document.querySelectorAll('[data-cluster=\"shown\"] .reasons li')].map(l => l.textContent)");
            assertTrue(reasons.toString().contains("etcd member " + follower.name() + " unreachable"), reasons.toString());
            String memberState = browser.eval("document.querySelector('[data-cluster=\"shown\"] tr[data-member=\"" + follower.name()
                    + "\"]').children[1].textContent").asText();
            assertEquals("down", memberState);
            assertTrue(browser.eval("getComputedStyle(document.querySelector('[data-cluster=\"shown\"] .status')).backgroundColor")
                    .asText().equals("rgb(179, 89, 0)"), "DEGRADED in its colour");
            Await.until("the event in the timeline", LIMIT,
                    () -> browser.eval("document.querySelector('[data-cluster=\"shown\"] .timeline').textContent").asText(),
                    t -> t.contains("etcd member " + follower.name() + " unreachable"));
            Await.until("the change in the history chart", LIMIT,
                    () -> browser.eval("[...document.querySelectorAll('[data-cluster=\"shown\"] .history rect')].map(r => r.getAttribute('class')).join(' ')").asText(),
                    classes -> classes.contains("DEGRADED"));
            browser.screenshot(SCREENSHOTS.resolve("dashboard-degraded.png"));
            follower.start();
        }
    }
}
