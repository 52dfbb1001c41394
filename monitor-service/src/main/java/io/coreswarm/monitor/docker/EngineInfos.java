package io.coreswarm.monitor.docker;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

import com.github.dockerjava.api.DockerClient;

import io.coreswarm.monitor.Failures;

/** {@code GET /info} of every endpoint at once, so that a dead engine costs its own timeout only. */
final class EngineInfos {
    private EngineInfos() {
    }

    static List<EngineReport> ask(Map<String, DockerClient> endpoints, Executor executor, Duration timeout) {
        List<CompletableFuture<EngineReport>> asked = endpoints.entrySet().stream()
                .map(e -> CompletableFuture.supplyAsync(() -> ask(e.getKey(), e.getValue(), timeout), executor))
                .toList();
        return asked.stream().map(CompletableFuture::join).toList();
    }

    private static EngineReport ask(String endpoint, DockerClient docker, Duration timeout) {
        try {
            return EngineReport.of(endpoint, docker.infoCmd().exec());
        } catch (RuntimeException e) {
            return EngineReport.failed(endpoint, Failures.describe(e, timeout));
        }
    }
}
