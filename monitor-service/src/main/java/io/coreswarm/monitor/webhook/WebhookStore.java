package io.coreswarm.monitor.webhook;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.jboss.logging.Logger;

import io.coreswarm.api.spec.ClusterSpec;
import io.coreswarm.api.webhook.Webhook;

/**
 * The webhooks, one file each ({@code <dir>/<name>.json}, 0600: it holds the secret), and their
 * pending deliveries in {@code <dir>/<name>.pending/}.
 */
final class WebhookStore implements WebhookRecords {
    private static final Logger LOG = Logger.getLogger(WebhookStore.class);
    private final Path dir;
    private final ObjectMapper json;

    WebhookStore(Path dir, ObjectMapper json) {
        this.dir = dir;
        this.json = json;
    }

    Path dir() {
        return dir;
    }

    @Override
    public void put(Webhook webhook) {
        try {
            PrivateFiles.write(file(webhook.name()), json.writeValueAsBytes(webhook));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store webhook " + webhook.name() + " in " + dir, e);
        }
    }

    @Override
    public void remove(String name) {
        try {
            Files.deleteIfExists(file(name));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove webhook " + name + " from " + dir, e);
        }
    }

    /** Every stored webhook; a file that cannot be read is logged (by name, never its content) and skipped. */
    @Override
    public List<Webhook> load() {
        List<Webhook> all = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return all;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(f -> f.getFileName().toString().matches(ClusterSpec.DNS_LABEL + "\\.json")).sorted().toList()) {
                try {
                    Webhook w = json.readValue(f.toFile(), Webhook.class);
                    if (f.getFileName().toString().equals(w.name() + ".json") && w.url() != null && w.secret() != null) {
                        all.add(w);
                    } else {
                        LOG.warnf("skipping %s: not a complete webhook named by its file", f);
                    }
                } catch (IOException e) {
                    LOG.warnf("skipping unreadable webhook file %s", f);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read webhooks from " + dir, e);
        }
        return all;
    }

    @Override
    public Pending pending(String name, int max) {
        return new PendingQueue(dir.resolve(name + ".pending"), json, max);
    }

    @Override
    public boolean shared() {
        return false;
    }

    private Path file(String name) {
        return dir.resolve(name + ".json");
    }
}
