package io.coreswarm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.coreswarm.cli.support.Cli;

/**
 * {@code certs} against a provisioner that has the cluster but not the {@code /certs} route (one
 * from before TLS clusters): a real HTTP server answering as such a Quarkus service does (a
 * plain 404 page for an unknown route). The user is told the service lacks the route, not that the
 * cluster is missing; nothing is written.
 */
class OlderProvisionerIT {
    @TempDir
    Path home;
    HttpServer provisioner;

    @BeforeEach
    void serve() throws IOException {
        provisioner = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        provisioner.createContext("/v1/clusters/demo", exchange -> {
            if (exchange.getRequestURI().getPath().equals("/v1/clusters/demo")) {
                answer(exchange, 200, "application/json", "{\"spec\":{\"name\":\"demo\"},\"phase\":\"Running\",\"nodes\":[]}");
            } else {
                answer(exchange, 404, "text/html", "<html><body><h1>Resource not found</h1></body></html>");
            }
        });
        provisioner.start();
    }

    @AfterEach
    void stop() {
        provisioner.stop(0);
    }

    private static void answer(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Test
    void certsSaysTheServiceLacksTheRoute() throws Exception {
        Cli cli = new Cli(home).with("CORESWARM_PROVISIONER_URL", "http://127.0.0.1:" + provisioner.getAddress().getPort());
        Cli.Run run = cli.run("certs", "demo", "-o", home.resolve("certs").toString()).noStackTrace();

        assertEquals(1, run.exitCode(), run::toString);
        assertTrue(run.err().contains("does not serve GET /v1/clusters/{name}/certs"), run::toString);
        assertTrue(run.out().isEmpty(), run::toString);
    }
}
