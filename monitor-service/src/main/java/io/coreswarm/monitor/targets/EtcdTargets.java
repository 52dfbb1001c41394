package io.coreswarm.monitor.targets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.jboss.logging.Logger;

import io.coreswarm.api.health.MonitorTarget;
import io.coreswarm.api.health.TargetTls;
import io.coreswarm.monitor.MonitorKeys;
import io.coreswarm.monitor.StoreCalls;
import io.coreswarm.pki.PkiException;
import io.coreswarm.store.EtcdStore;
import io.coreswarm.store.StoreChange;
import io.coreswarm.store.StoreUnavailable;
import io.coreswarm.store.StoredValue;
import io.etcd.jetcd.op.Cmp;
import io.etcd.jetcd.op.Op;
import io.etcd.jetcd.options.DeleteOption;
import io.etcd.jetcd.options.PutOption;

/**
 * The targets in etcd, shared by every replica: {@code monitor/targets/<name>} holds a target's
 * JSON with its TLS certificates, {@code monitor/target-keys/<name>} its TLS key apart (written in
 * the same transaction), so that listing targets never reads a key. Each replica keeps a copy in
 * memory, filled by a list and kept current by a watch, and writes a target's TLS files on its own
 * disk ({@link TargetTlsFiles}, key 0600) for the clients that poll it; a target another replica
 * removed takes its files with it. Reads never wait on etcd; a lost watch lists again.
 */
final class EtcdTargets implements TargetCatalog, AutoCloseable {
    private static final Logger LOG = Logger.getLogger(EtcdTargets.class);
    private static final long RETRY_MS = 1000;
    private final EtcdStore etcd;
    private final ObjectMapper json;
    private final TargetTlsFiles tls;
    private final Path localDir;
    private final Map<String, MonitorTarget> cache = new ConcurrentHashMap<>();
    private final ScheduledExecutorService sync = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "monitor-targets-sync");
        t.setDaemon(true);
        return t;
    });
    private volatile AutoCloseable watch;

    /** @param localDir this replica's folder for the targets' TLS files */
    EtcdTargets(EtcdStore etcd, Path localDir, ObjectMapper json) {
        this.etcd = etcd;
        this.json = json;
        this.tls = new TargetTlsFiles(localDir);
        this.localDir = localDir;
        // at once, so the first poll and the first read see the targets; on a later try when etcd is down
        sync.submit(this::load);
        try {
            sync.submit(() -> { }).get(etcd.timeout().toMillis() * 2, TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            LOG.warnf("the targets are not loaded from etcd yet (%s); tried again in the background", e.getMessage());
        }
    }

    @Override
    public List<MonitorTarget> all() {
        return cache.values().stream().sorted(Comparator.comparing(MonitorTarget::name)).toList();
    }

    @Override
    public Optional<MonitorTarget> find(String name) {
        return Optional.ofNullable(cache.get(name));
    }

    @Override
    public Path tlsDir(String name) {
        return tls.dir(name);
    }

    @Override
    public synchronized boolean put(MonitorTarget target) {
        String name = target.name();
        MonitorTarget stored = target.tls() == null ? target : withTls(target, tls.write(name, target.tls()));
        String body;
        try {
            body = json.writeValueAsString(withTls(stored, stored.tls() == null ? null : stored.tls().withoutKey()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("target " + name + " cannot be written as JSON", e);
        }
        Op key = stored.tls() == null ? Op.delete(StoreCalls.bytes(MonitorKeys.TARGET_KEYS + name), DeleteOption.DEFAULT)
                : Op.put(StoreCalls.bytes(MonitorKeys.TARGET_KEYS + name), StoreCalls.bytes(stored.tls().key()), PutOption.DEFAULT);
        StoreCalls.txn(etcd, "storing target " + name, new Cmp[0],
                Op.put(StoreCalls.bytes(MonitorKeys.TARGETS + name), StoreCalls.bytes(body), PutOption.DEFAULT), key);
        if (stored.tls() == null) {
            tls.remove(name);
        }
        return cache.put(name, stored) == null;
    }

    @Override
    public synchronized boolean remove(String name) {
        boolean known = cache.remove(name) != null;
        StoreCalls.txn(etcd, "removing target " + name, new Cmp[0],
                Op.delete(StoreCalls.bytes(MonitorKeys.TARGETS + name), DeleteOption.DEFAULT),
                Op.delete(StoreCalls.bytes(MonitorKeys.TARGET_KEYS + name), DeleteOption.DEFAULT));
        tls.remove(name);
        return known;
    }

    /** Lists every target, then watches for changes from the revision before the list (a change seen twice is applied twice, harmlessly). */
    private void load() {
        try {
            long revision = etcd.revision();
            Set<String> names = new HashSet<>();
            for (StoredValue v : etcd.list(MonitorKeys.TARGETS)) {
                String name = v.key().substring(MonitorKeys.TARGETS.length());
                names.add(name);
                apply(name, v.value());
            }
            for (String gone : Set.copyOf(cache.keySet())) {
                if (!names.contains(gone)) {
                    drop(gone);
                }
            }
            sweep(names);
            watch = etcd.watch(MonitorKeys.TARGETS, revision, this::changed, this::lost);
        } catch (StoreUnavailable e) {
            LOG.debugf("targets not listed: %s", e.getMessage());
            sync.schedule(this::load, RETRY_MS, TimeUnit.MILLISECONDS);
        }
    }

    private void changed(StoreChange change) {
        String name = change.key().substring(MonitorKeys.TARGETS.length());
        sync.execute(() -> refresh(name));
    }

    private void lost(Throwable error) {
        LOG.warnf("the watch of the targets ended (%s); listing them again", error.getMessage());
        sync.schedule(this::load, RETRY_MS, TimeUnit.MILLISECONDS);
    }

    /** Reads one target again (its key with it): the watch says only that it changed. */
    private void refresh(String name) {
        try {
            Optional<StoredValue> now = etcd.get(MonitorKeys.TARGETS + name);
            if (now.isPresent()) {
                apply(name, now.get().value());
            } else {
                drop(name);
            }
        } catch (StoreUnavailable e) {
            sync.schedule(() -> refresh(name), RETRY_MS, TimeUnit.MILLISECONDS);
        }
    }

    private synchronized void apply(String name, String value) {
        MonitorTarget target;
        try {
            target = json.readValue(value, MonitorTarget.class);
        } catch (JsonProcessingException e) {
            LOG.warnf("skipping the unreadable target %s in etcd", name);
            return;
        }
        if (!name.equals(target.name())) {
            LOG.warnf("skipping %s%s: it holds target %s", MonitorKeys.TARGETS, name, target.name());
            return;
        }
        if (target.tls() == null) {
            tls.remove(name);
            cache.put(name, target);
            return;
        }
        Optional<StoredValue> key = etcd.get(MonitorKeys.TARGET_KEYS + name);
        if (key.isEmpty()) {
            LOG.warnf("skipping target %s: its TLS key is not in etcd; PUT it again with its tls", name);
            return;
        }
        MonitorTarget whole = withTls(target, new TargetTls(target.tls().ca(), target.tls().cert(), key.get().value()));
        if (whole.equals(cache.get(name))) {
            return; // this replica wrote it, or has its files already
        }
        try {
            cache.put(name, withTls(target, tls.write(name, whole.tls())));
        } catch (PkiException e) {
            // names files, never their content
            LOG.warnf("skipping target %s: its TLS cannot be used (%s)", name, e.getMessage());
        }
    }

    /** TLS files on this disk of targets etcd no longer has (removed while this replica was down). */
    private void sweep(Set<String> names) {
        try (Stream<Path> folders = Files.isDirectory(localDir) ? Files.list(localDir) : Stream.empty()) {
            folders.filter(f -> Files.isDirectory(f.resolve(TargetTlsFiles.TLS_DIR))).map(f -> f.getFileName().toString())
                    .filter(name -> !names.contains(name)).forEach(tls::remove);
        } catch (IOException | UncheckedIOException e) {
            LOG.warnf("cannot sweep the TLS files in %s: %s", localDir, e.getMessage());
        }
    }

    private synchronized void drop(String name) {
        cache.remove(name);
        tls.remove(name);
    }

    private static MonitorTarget withTls(MonitorTarget t, TargetTls tls) {
        return new MonitorTarget(t.name(), t.dockerEndpoints(), t.etcdEndpoints(), t.swarm(), t.etcdApi(), t.workloads(), tls);
    }

    @Override
    public void close() {
        sync.shutdownNow();
        AutoCloseable w = watch;
        if (w != null) {
            try {
                w.close();
            } catch (Exception e) {
                LOG.debugf("closing the targets' watch: %s", e.getMessage());
            }
        }
    }
}
