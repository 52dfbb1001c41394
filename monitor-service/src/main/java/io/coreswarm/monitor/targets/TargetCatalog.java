package io.coreswarm.monitor.targets;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import io.coreswarm.api.health.MonitorTarget;

/**
 * The watched targets, wherever they are kept: files under the data dir ({@link TargetStore}) or
 * etcd, shared by every replica ({@link EtcdTargets}); chosen by {@link TargetCatalogs}. A target
 * with TLS is returned with its key (its clients need it); whatever answers or logs drops it.
 */
public interface TargetCatalog {

    /** Every target, by name. */
    List<MonitorTarget> all();

    Optional<MonitorTarget> find(String name);

    /** The folder of a target's TLS files on this host ({@code ca.pem}, {@code cert.pem}, {@code key.pem}), for its clients. */
    Path tlsDir(String name);

    /** Stores a target (its TLS files written first); true if it is new. */
    boolean put(MonitorTarget target);

    /** Removes a target with its TLS files; false if there was none. */
    boolean remove(String name);
}
