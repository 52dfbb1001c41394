package io.coreswarm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpServer;

import io.coreswarm.cli.support.Cli;

/**
 * The token the CLI sends, seen by a real HTTP receiver (the JDK's server) that records the
 * Authorization header of each request: from the file the services keep it in, or from the
 * environment, which wins; never printed.
 */
class ApiTokenIT {
    static final String FILE_TOKEN = "file-token-0123456789abcdefghij";
    static final String ENV_TOKEN = "env-token-0123456789abcdefghijk";

    @TempDir
    Path home;
    HttpServer receiver;
    final List<String> authorizations = new CopyOnWriteArrayList<>();

    @BeforeEach
    void receive() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/v1/clusters", exchange -> {
            authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            byte[] body = "[]".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stop() {
        receiver.stop(0);
    }

    private Cli cli() {
        return new Cli(home).with("CORESWARM_PROVISIONER_URL", "http://127.0.0.1:" + receiver.getAddress().getPort());
    }

    @Test
    void theTokenFileUnderCoreswarmHomeIsSentAsBearer() throws Exception {
        Files.writeString(home.resolve("api-token"), FILE_TOKEN + "\n");
        Cli.Run run = cli().run("ls", "-o", "json");

        assertEquals(0, run.exitCode(), run::toString);
        assertEquals(List.of("Bearer " + FILE_TOKEN), authorizations);
        assertFalse(run.out().contains(FILE_TOKEN) || run.err().contains(FILE_TOKEN));
    }

    @Test
    void theEnvironmentsTokenWins() throws Exception {
        Files.writeString(home.resolve("api-token"), FILE_TOKEN);
        Cli.Run run = cli().with("CORESWARM_API_TOKEN", ENV_TOKEN).run("ls");

        assertEquals(0, run.exitCode(), run::toString);
        assertEquals(List.of("Bearer " + ENV_TOKEN), authorizations);
    }

    @Test
    void withoutATokenNoHeaderIsSent() throws Exception {
        Cli.Run run = cli().run("ls");

        assertEquals(0, run.exitCode(), run::toString);
        assertEquals(List.of("null"), authorizations);
    }
}
