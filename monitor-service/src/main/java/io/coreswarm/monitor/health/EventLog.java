package io.coreswarm.monitor.health;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.jboss.logging.Logger;

import io.coreswarm.api.health.HealthEvent;
import io.coreswarm.monitor.MonitorConfig;
import io.coreswarm.monitor.targets.TargetStore;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;

/**
 * The events of every target: the most recent ones in memory (bounded), all of them appended to
 * {@code <data-dir>/events/<name>.jsonl} (the memory is filled from there on start), and a live
 * stream for followers.
 */
@ApplicationScoped
public class EventLog {
    private static final Logger LOG = Logger.getLogger(EventLog.class);
    private static final int FOLLOWER_BUFFER = 1024;
    private final Path dir;
    private final int kept;
    private final ObjectMapper json;
    private final Map<String, Deque<HealthEvent>> recent = new ConcurrentHashMap<>();
    private final BroadcastProcessor<HealthEvent> live = BroadcastProcessor.create();

    @Inject
    EventLog(MonitorConfig config, ObjectMapper json, TargetStore store) {
        this(config.dataDir().resolve("events"), config.eventsKept(), json);
        store.all().forEach(t -> load(t.name()));
    }

    EventLog(Path dir, int kept, ObjectMapper json) {
        this.dir = dir;
        this.kept = kept;
        this.json = json;
    }

    /** Keeps, appends and publishes events, one at a time (the live stream wants them in order). */
    public synchronized void record(List<HealthEvent> events) {
        for (HealthEvent e : events) {
            Deque<HealthEvent> q = recent.computeIfAbsent(e.cluster(), c -> new ArrayDeque<>());
            synchronized (q) {
                q.addLast(e);
                while (q.size() > kept) {
                    q.removeFirst();
                }
            }
            append(e);
            live.onNext(e);
        }
    }

    public List<HealthEvent> recent(String cluster) {
        Deque<HealthEvent> q = recent.get(cluster);
        if (q == null) {
            return List.of();
        }
        synchronized (q) {
            return List.copyOf(q);
        }
    }

    /** A poll may emit several events at once; a follower that asks for one at a time gets the rest from a buffer. */
    public Multi<HealthEvent> follow(String cluster) {
        return live.onOverflow().buffer(FOLLOWER_BUFFER).filter(e -> cluster.equals(e.cluster()));
    }

    public synchronized void forget(String cluster) {
        recent.remove(cluster);
        try {
            Files.deleteIfExists(file(cluster));
        } catch (IOException e) {
            LOG.warnf("cannot remove the events of %s: %s", cluster, e.getMessage());
        }
    }

    private void append(HealthEvent e) {
        try {
            Files.createDirectories(dir);
            try (BufferedWriter w = Files.newBufferedWriter(file(e.cluster()), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
                w.write(json.writeValueAsString(e));
                w.newLine();
            }
        } catch (IOException ex) {
            // the event is still kept in memory and published; a full disk must not stop the monitor
            LOG.warnf("cannot append an event of %s to %s: %s", e.cluster(), dir, ex.getMessage());
        }
    }

    /** The last {@code kept} events of a target's file; lines that cannot be read are skipped. */
    void load(String cluster) {
        Path file = file(cluster);
        if (!Files.isRegularFile(file)) {
            return;
        }
        Deque<HealthEvent> q = new ArrayDeque<>();
        try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
            lines.filter(l -> !l.isBlank()).forEach(line -> {
                try {
                    q.addLast(json.readValue(line, HealthEvent.class));
                    if (q.size() > kept) {
                        q.removeFirst();
                    }
                } catch (IOException e) {
                    LOG.debugf("skipping an unreadable event line of %s", cluster);
                }
            });
        } catch (IOException | java.io.UncheckedIOException e) {
            LOG.warnf("cannot read the events of %s: %s", cluster, e.getMessage());
        }
        recent.put(cluster, q);
    }

    private Path file(String cluster) {
        return dir.resolve(cluster + ".jsonl");
    }
}
