package io.coreswarm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.coreswarm.cli.support.Cli;

/**
 * The exit codes of the answers the real services give only in states these tests cannot reach
 * without a cluster (busy: 409; config-service down behind the provisioner: 503) or only with the
 * API token in place (401): a real HTTP server answers them as the services do, problem+json.
 */
class ProblemStatusesIT {
    static final String TOKEN = "the-token-0123456789abcdefghijkl";

    @TempDir
    Path home;
    HttpServer server;

    @BeforeEach
    void serve() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/clusters", exchange -> {
            switch (exchange.getRequestURI().getPath()) {
                case "/v1/clusters" -> problem(exchange, 401, "Unauthorized",
                        "this API needs Authorization: Bearer <token> (the token is in $CORESWARM_HOME/api-token)");
                case "/v1/clusters/busy/halt" -> problem(exchange, 409, "Conflict", "cluster busy runs operation op-1 (scale)");
                default -> problem(exchange, 503, "Service Unavailable", "config-service is unreachable; nothing was written");
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private static void problem(HttpExchange exchange, int status, String title, String detail) throws IOException {
        byte[] body = ("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\"" + detail + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/problem+json");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    private Cli cli() throws IOException {
        Files.writeString(home.resolve("api-token"), TOKEN);
        return new Cli(home).with("CORESWARM_PROVISIONER_URL", "http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Test
    void unauthorizedIsAUsageErrorThatNeverShowsTheToken() throws Exception {
        Cli.Run run = cli().run("ls").noStackTrace();

        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().contains("Unauthorized: this API needs Authorization: Bearer"), run::toString);
        assertFalse(run.err().contains(TOKEN) || run.out().contains(TOKEN));
    }

    @Test
    void busyIsFour() throws Exception {
        Cli.Run run = cli().run("halt", "busy").noStackTrace();

        assertEquals(4, run.exitCode(), run::toString);
        assertTrue(run.err().contains("Conflict: cluster busy runs operation op-1 (scale)"), run::toString);
    }

    @Test
    void aServiceBehindTheOneCalledBeingDownIsFive() throws Exception {
        Cli.Run run = cli().run("scale", "demo", "4").noStackTrace();

        assertEquals(5, run.exitCode(), run::toString);
        assertTrue(run.err().contains("config-service is unreachable"), run::toString);
    }
}
