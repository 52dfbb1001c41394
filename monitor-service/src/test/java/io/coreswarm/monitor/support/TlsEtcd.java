package io.coreswarm.monitor.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.coreswarm.api.health.TargetTls;
import io.coreswarm.pki.ClusterPki;
import io.coreswarm.pki.PkiLayout;
import io.coreswarm.testsupport.Await;
import io.coreswarm.testsupport.EtcdProcess;
import io.coreswarm.testsupport.Exec;

/**
 * A real etcd cluster of {@code size} processes on loopback, configured as a coreswarm node's etcd
 * with TLS: clients and peers over https with client-certificate auth, each member with its node
 * certificate of the cluster's {@link ClusterPki}; the v2 API enabled too, so both probes can watch it.
 */
public final class TlsEtcd implements AutoCloseable {
    public final ClusterPki pki;
    public final List<EtcdProcess> members = new ArrayList<>();

    public TlsEtcd(String cluster, int size, Path work) {
        pki = ClusterPki.create(work.resolve("pki"), cluster);
        for (int i = 1; i <= size; i++) {
            members.add(EtcdProcess.prepare(cluster + "-" + i, work.resolve("etcd")));
        }
        String initialCluster = members.stream().map(m -> m.name() + "=" + https(m.peerUrl())).collect(Collectors.joining(","));
        PkiLayout l = pki.layout();
        for (EtcdProcess member : members) {
            String name = member.name();
            pki.issueNode(name, List.of());
            // later flags win: EtcdProcess's plain http URLs are overridden by https ones
            member.start(List.of(
                    "--listen-client-urls", https(member.clientUrl()), "--advertise-client-urls", https(member.clientUrl()),
                    "--listen-peer-urls", https(member.peerUrl()), "--initial-advertise-peer-urls", https(member.peerUrl()),
                    "--initial-cluster", initialCluster, "--initial-cluster-state", "new",
                    "--initial-cluster-token", "monitor-tls-" + cluster, "--enable-v2",
                    "--client-cert-auth", "--trusted-ca-file", l.nodeCa(name).toString(),
                    "--cert-file", l.serverCertificate(name).toString(), "--key-file", l.serverKey(name).toString(),
                    "--peer-client-cert-auth", "--peer-trusted-ca-file", l.nodeCa(name).toString(),
                    "--peer-cert-file", l.serverCertificate(name).toString(), "--peer-key-file", l.serverKey(name).toString()));
        }
        Await.until("the " + size + " members healthy over TLS", Duration.ofSeconds(60),
                () -> etcdctl("endpoint", "health", "--cluster"),
                exec -> exec.exitCode() == 0 && exec.output().split("is healthy", -1).length == size + 1);
    }

    /** The members' client URLs, https. */
    public List<String> httpsUrls() {
        return members.stream().map(m -> https(m.clientUrl())).toList();
    }

    /** The same ports as plain http URLs (which a TLS member does not answer). */
    public List<String> httpUrls() {
        return members.stream().map(EtcdProcess::clientUrl).toList();
    }

    /** The cluster's client files as a target's {@code tls}. */
    public TargetTls clientTls() {
        return tls(pki.layout().clientDir());
    }

    /** The client key, as the files hold it. */
    public String clientKey() {
        return read(pki.layout().clientKey());
    }

    public static TargetTls tls(Path clientDir) {
        return new TargetTls(read(clientDir.resolve(PkiLayout.CA_CERT)), read(clientDir.resolve(PkiLayout.CLIENT_CERT)),
                read(clientDir.resolve(PkiLayout.CLIENT_KEY)));
    }

    /** A target's {@code tls} as JSON, key included (what a PUT sends). */
    public static Map<String, String> json(TargetTls tls) {
        return Map.of("ca", tls.ca(), "cert", tls.cert(), "key", tls.key());
    }

    private Exec etcdctl(String... args) {
        List<String> command = new ArrayList<>(List.of("etcdctl", "--endpoints", String.join(",", httpsUrls()),
                "--dial-timeout", "2s", "--command-timeout", "3s"));
        command.addAll(List.of(args));
        Map<String, String> env = new HashMap<>(Map.of("ETCDCTL_API", "3",
                "ETCDCTL_CACERT", pki.layout().clientCa().toString(),
                "ETCDCTL_CERT", pki.layout().clientCertificate().toString(),
                "ETCDCTL_KEY", pki.layout().clientKey().toString()));
        return Exec.run(command, env, null);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String https(String url) {
        return url.replace("http://", "https://");
    }

    @Override
    public void close() {
        members.forEach(EtcdProcess::kill);
    }
}
