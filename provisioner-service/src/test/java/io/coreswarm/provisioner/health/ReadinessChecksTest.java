package io.coreswarm.provisioner.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponse.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each readiness check against a real failing condition, and against the real thing where it needs no dockerd. */
class ReadinessChecksTest {
    @TempDir
    Path tmp;

    @Test
    void aWorkspaceWhereAFileIsIsDownWithTheReason() throws Exception {
        Path file = Files.writeString(tmp.resolve("a-file"), "not a folder");
        HealthCheckResponse down = new WorkspaceReadiness(file.resolve("clusters")).call();
        assertEquals(Status.DOWN, down.getStatus());
        assertEquals(WorkspaceReadiness.NAME, down.getName());
        assertTrue(down.getData().orElseThrow().get("reason").toString().startsWith("not writable"), down.getData().toString());

        HealthCheckResponse up = new WorkspaceReadiness(tmp.resolve("clusters")).call();
        assertEquals(Status.UP, up.getStatus(), up.getData().toString());
        assertTrue(Files.isDirectory(tmp.resolve("clusters")));
        try (var left = Files.list(tmp.resolve("clusters"))) {
            assertEquals(0, left.count(), "the probe file is removed");
        }
    }

    @Test
    void aDockerHostThatRefusesIsDownQuickly() throws Exception {
        long start = System.nanoTime();
        HealthCheckResponse down = new DockerReadiness("tcp://127.0.0.1:1").call();
        assertEquals(Status.DOWN, down.getStatus());
        assertEquals("tcp://127.0.0.1:1", down.getData().orElseThrow().get("host"));
        assertTrue(down.getData().orElseThrow().get("reason").toString().startsWith("no answer"), down.getData().toString());
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toSeconds() < 5, "bounded by the ping timeouts");
    }

    @Test
    void aVagrantThatIsMissingFailsOrHangsIsDownAndTheAnswerIsKeptAMinute() throws Exception {
        MovableClock clock = new MovableClock();
        HealthCheckResponse missing = new VagrantReadiness(tmp.resolve("no-vagrant").toString(), Duration.ofSeconds(5), clock).call();
        assertEquals(Status.DOWN, missing.getStatus());
        assertTrue(missing.getData().orElseThrow().get("reason").toString().startsWith("cannot run"), missing.getData().toString());

        Path failing = script("failing", "echo 'Vagrant failed to initialize' >&2\nexit 3\n");
        HealthCheckResponse failed = new VagrantReadiness(failing.toString(), Duration.ofSeconds(5), clock).call();
        assertEquals(Status.DOWN, failed.getStatus());
        assertTrue(failed.getData().orElseThrow().get("reason").toString().contains("exited with 3: Vagrant failed to initialize"),
                failed.getData().toString());

        Path hanging = script("hanging", "sleep 300\n");
        long start = System.nanoTime();
        HealthCheckResponse hung = new VagrantReadiness(hanging.toString(), Duration.ofSeconds(1), clock).call();
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toSeconds() < 15);
        assertEquals(Status.DOWN, hung.getStatus());
        assertTrue(hung.getData().orElseThrow().get("reason").toString().contains("did not finish within 1s"), hung.getData().toString());

        Path counting = script("counting", "echo run >> \"$(dirname \"$0\")/runs\"\necho 'Vagrant 2.4.1'\n");
        VagrantReadiness cached = new VagrantReadiness(counting.toString(), Duration.ofSeconds(5), clock);
        HealthCheckResponse up = cached.call();
        assertEquals(Status.UP, up.getStatus(), up.getData().toString());
        assertEquals("Vagrant 2.4.1", up.getData().orElseThrow().get("version"));
        cached.call();
        assertEquals(1, Files.readAllLines(tmp.resolve("runs")).size(), "kept, not run again within a minute");
        clock.now = clock.now.plus(VagrantReadiness.KEEP);
        cached.call();
        assertEquals(2, Files.readAllLines(tmp.resolve("runs")).size(), "run again once the minute is over");
    }

    private Path script(String name, String body) throws Exception {
        Path script = tmp.resolve(name);
        Files.writeString(script, "#!/bin/sh\n" + body);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return script;
    }

    static final class MovableClock extends Clock {
        Instant now = Instant.parse("2026-11-30T12:00:00Z");

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
