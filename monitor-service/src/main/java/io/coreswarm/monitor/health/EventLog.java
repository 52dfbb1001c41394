package io.coreswarm.monitor.health;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.jboss.logging.Logger;

import io.coreswarm.api.health.HealthEvent;
import io.coreswarm.monitor.MonitorConfig;
import io.coreswarm.monitor.targets.TargetCatalog;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;

/**
 * The events of every target: the most recent ones in memory (bounded), all of them appended to
 * {@code <data-dir>/events/<name>.jsonl} (the memory is filled from there on start), and a live
 * stream for followers. A file past its size limit is rotated: {@code <name>.jsonl} becomes
 * {@code <name>.1.jsonl}, the one before {@code <name>.2.jsonl}, and so on up to the number kept;
 * the oldest is deleted. Disk use per target is thus bounded by (kept + 1) × the limit. The files
 * implementation of {@link Events}.
 */
public class EventLog implements Events {
    private static final Logger LOG = Logger.getLogger(EventLog.class);
    private static final int FOLLOWER_BUFFER = 1024;
    private final Path dir;
    private final int kept;
    private final long maxFileBytes;
    private final int filesKept;
    private final ObjectMapper json;
    private final Map<String, Deque<HealthEvent>> recent = new ConcurrentHashMap<>();
    private final BroadcastProcessor<HealthEvent> live = BroadcastProcessor.create();

    EventLog(MonitorConfig config, ObjectMapper json, TargetCatalog store) {
        this(config.dataDir().resolve("events"), config.eventsKept(), json, config.eventFileMaxBytes(), config.eventFilesKept());
        store.all().forEach(t -> load(t.name()));
    }

    EventLog(Path dir, int kept, ObjectMapper json) {
        this(dir, kept, json, 10L << 20, 3);
    }

    EventLog(Path dir, int kept, ObjectMapper json, long maxFileBytes, int filesKept) {
        this.dir = dir;
        this.kept = kept;
        this.json = json;
        this.maxFileBytes = maxFileBytes;
        this.filesKept = filesKept;
    }

    /** Keeps, appends and publishes events, one at a time (the live stream wants them in order). */
    @Override
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

    @Override
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
    @Override
    public Multi<HealthEvent> follow(String cluster) {
        return live.onOverflow().buffer(FOLLOWER_BUFFER).filter(e -> cluster.equals(e.cluster()));
    }

    /** Every cluster's events as they are recorded (webhooks follow this). */
    @Override
    public Multi<HealthEvent> followAll() {
        return live.onOverflow().buffer(FOLLOWER_BUFFER);
    }

    @Override
    public synchronized void forget(String cluster) {
        recent.remove(cluster);
        try {
            for (Path f : files(cluster)) {
                Files.deleteIfExists(f);
            }
        } catch (IOException e) {
            LOG.warnf("cannot remove the events of %s: %s", cluster, e.getMessage());
        }
    }

    private void append(HealthEvent e) {
        try {
            Files.createDirectories(dir);
            String line = json.writeValueAsString(e);
            Path file = file(e.cluster());
            if (Files.isRegularFile(file) && Files.size(file) + line.getBytes(StandardCharsets.UTF_8).length + 1 > maxFileBytes) {
                rotate(e.cluster());
            }
            try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
                w.write(line);
                w.newLine();
            }
        } catch (IOException ex) {
            // the event is still kept in memory and published; a full disk must not stop the monitor
            LOG.warnf("cannot append an event of %s to %s: %s", e.cluster(), dir, ex.getMessage());
        }
    }

    /** {@code <name>.jsonl} to {@code <name>.1.jsonl}, each older one a number up, the oldest beyond the kept deleted. */
    private void rotate(String cluster) throws IOException {
        Files.deleteIfExists(rotated(cluster, filesKept));
        for (int i = filesKept - 1; i >= 1; i--) {
            if (Files.exists(rotated(cluster, i))) {
                Files.move(rotated(cluster, i), rotated(cluster, i + 1), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        if (filesKept > 0) {
            Files.move(file(cluster), rotated(cluster, 1), StandardCopyOption.REPLACE_EXISTING);
        } else {
            Files.delete(file(cluster));
        }
    }

    /** The last {@code kept} events of a target's files, oldest file first; lines that cannot be read are skipped. */
    void load(String cluster) {
        Deque<HealthEvent> q = new ArrayDeque<>();
        List<Path> files = files(cluster);
        for (int i = files.size() - 1; i >= 0; i--) {
            Path file = files.get(i);
            if (Files.isRegularFile(file)) {
                read(cluster, file, q);
            }
        }
        recent.put(cluster, q);
    }

    private void read(String cluster, Path file, Deque<HealthEvent> q) {
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
    }

    private Path file(String cluster) {
        return dir.resolve(cluster + ".jsonl");
    }

    private Path rotated(String cluster, int n) {
        return dir.resolve(cluster + "." + n + ".jsonl");
    }

    /** The current file, then the rotated ones, newest first. */
    private List<Path> files(String cluster) {
        List<Path> all = new java.util.ArrayList<>();
        all.add(file(cluster));
        for (int i = 1; i <= filesKept; i++) {
            all.add(rotated(cluster, i));
        }
        return all;
    }
}
