package io.coreswarm.provisioner.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.inject.Inject;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

import io.coreswarm.api.health.EtcdApi;
import io.coreswarm.api.health.MonitorTarget;
import io.coreswarm.api.health.SwarmFlavour;
import io.coreswarm.api.render.Rendering;
import io.coreswarm.api.render.RenderingRequest;
import io.coreswarm.api.spec.ClusterSpec;
import io.coreswarm.provisioner.cluster.Renderer;
import io.coreswarm.provisioner.clients.MonitorClient;
import io.coreswarm.provisioner.support.ConfigServiceProcess;
import io.coreswarm.testsupport.TestApiToken;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The provisioner calls the other services with the API token: a create's rendering goes to the
 * real config-service (its packaged jar, which refuses any request without the token), and the
 * monitor registration's client reaches a real HTTP receiver that records what it was sent.
 */
@QuarkusTest
@QuarkusTestResource(value = ConfigServiceProcess.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = ServiceClientsTokenTest.MonitorReceiver.class, restrictToAnnotatedClass = true)
class ServiceClientsTokenTest {
    @Inject
    Renderer renderer;

    @Inject
    @RestClient
    MonitorClient monitor;

    @Test
    void aRenderingThroughConfigServiceCarriesTheToken() {
        Rendering rendering = renderer.render(new RenderingRequest(ClusterSpec.named("tokened"), null, null));
        assertEquals("tokened", rendering.spec().name());
        assertFalse(rendering.files().isEmpty());
    }

    @Test
    void aRegistrationWithMonitorServiceCarriesTheToken() {
        MonitorReceiver.AUTHORIZATIONS.clear();
        monitor.put("tokened", new MonitorTarget("tokened", List.of("tcp://10.0.0.1:2376"), List.of(), SwarmFlavour.MODE, EtcdApi.V3));
        assertEquals(List.of(TestApiToken.HEADER), MonitorReceiver.AUTHORIZATIONS);
    }

    /** Stands in for monitor-service: records each Authorization header and answers as monitor-service does only with the token. */
    public static class MonitorReceiver implements QuarkusTestResourceLifecycleManager {
        static final List<String> AUTHORIZATIONS = new CopyOnWriteArrayList<>();
        private HttpServer server;

        @Override
        public Map<String, String> start() {
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            server.createContext("/", exchange -> {
                String authorization = exchange.getRequestHeaders().getFirst("Authorization");
                AUTHORIZATIONS.add(String.valueOf(authorization));
                exchange.getRequestBody().readAllBytes();
                boolean ok = TestApiToken.HEADER.equals(authorization);
                byte[] body = (ok ? "{\"name\":\"tokened\",\"dockerEndpoints\":[\"tcp://10.0.0.1:2376\"],\"etcdEndpoints\":[],"
                        + "\"swarm\":\"mode\",\"etcdApi\":\"v3\"}" : "{\"status\":401}").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", ok ? "application/json" : "application/problem+json");
                exchange.sendResponseHeaders(ok ? 200 : 401, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            return Map.of("quarkus.rest-client.monitor-service.url", "http://127.0.0.1:" + server.getAddress().getPort());
        }

        @Override
        public void stop() {
            if (server != null) {
                server.stop(0);
            }
        }
    }
}
