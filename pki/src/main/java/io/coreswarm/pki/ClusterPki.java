package io.coreswarm.pki;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The PKI of one cluster on disk (layout: {@link PkiLayout}): a CA made at create, a client
 * certificate for the user, the provisioner and the monitor, and a server certificate per node.
 * Loaded back from disk it issues certificates for nodes added by a scale-up, and
 * {@link #regenerate} renews node certificates (after an address changed, say) and, on request,
 * the CA and the client certificate with them. Files are written atomically, keys with mode 0600
 * from the start, and a certificate with its key replaced as a unit ({@link PemFiles#writePair}):
 * loading finishes or undoes a replacement that a crash interrupted, so the CA, the client and
 * every node always have a matching pair on disk; {@link #check} tells any other damage.
 */
public final class ClusterPki {
    /** The subject CN of the cluster's client certificate. */
    public static final String CLIENT_NAME = "coreswarm-client";
    /** Nodes are named as machines are ({@code core-01}); cluster names are DNS labels too. */
    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    /** {@link #check} reports certificates that end sooner than this. */
    static final Duration RENEW_BEFORE = Duration.ofDays(30);

    private final PkiLayout layout;
    private final KeyType keyType;
    private final Clock clock;
    private volatile CertificateAuthority ca;

    private ClusterPki(PkiLayout layout, CertificateAuthority ca, KeyType keyType, Clock clock) {
        this.layout = layout;
        this.ca = ca;
        this.keyType = keyType;
        this.clock = clock;
    }

    /** A new CA (ECDSA P-256) and client certificate for {@code cluster} under {@code root}; refuses if a CA is there. */
    public static ClusterPki create(Path root, String cluster) {
        return create(root, cluster, KeyType.EC_P256, Clock.systemUTC());
    }

    public static ClusterPki create(Path root, String cluster, KeyType keyType, Clock clock) {
        checkLabel("cluster", cluster);
        PkiLayout layout = new PkiLayout(root);
        if (Files.exists(layout.caKey()) || Files.exists(layout.caCertificate())) {
            throw new PkiException("a CA exists already in " + layout.caDir() + ": load it, or regenerate it");
        }
        createDirectories(layout);
        ClusterPki pki = new ClusterPki(layout, CertificateAuthority.generate(cluster, keyType, clock), keyType, clock);
        pki.writeCa();
        pki.issueClient();
        return pki;
    }

    /** The PKI under {@code root} as written before; its new certificates take the CA's key type. */
    public static ClusterPki load(Path root) {
        return load(root, Clock.systemUTC());
    }

    public static ClusterPki load(Path root, Clock clock) {
        PkiLayout layout = new PkiLayout(root);
        if (Files.isDirectory(layout.caDir())) {
            recover(layout);
        }
        if (!Files.exists(layout.caKey()) || !Files.exists(layout.caCertificate())) {
            throw new PkiException("no CA in " + layout.caDir());
        }
        CertificateAuthority ca = CertificateAuthority.of(PemFiles.readCertificate(layout.caCertificate()),
                PemFiles.readPrivateKey(layout.caKey()), clock);
        return new ClusterPki(layout, ca, KeyType.of(ca.privateKey()), clock);
    }

    /** Loads the PKI if its CA is there (a create step run again), else creates it. */
    public static ClusterPki loadOrCreate(Path root, String cluster) {
        PkiLayout layout = new PkiLayout(root);
        if (Files.isDirectory(layout.caDir())) {
            recover(layout);
        }
        if (Files.exists(layout.caKey())) {
            ClusterPki pki = load(root);
            if (!pki.cluster().equals(cluster)) {
                throw new PkiException("the CA in " + layout.caDir() + " is cluster " + pki.cluster() + "'s, not " + cluster + "'s");
            }
            return pki;
        }
        return create(root, cluster);
    }

    public PkiLayout layout() {
        return layout;
    }

    public String cluster() {
        return ca.cluster();
    }

    public KeyType keyType() {
        return keyType;
    }

    public synchronized X509Certificate caCertificate() {
        return ca.certificate();
    }

    /**
     * Issues (or issues again, with a new key) node {@code machine}'s server certificate for its
     * {@code hosts}: its addresses and any other names it is reached by. Writes
     * {@code nodes/<machine>/} : {@code ca.pem}, {@code server-key.pem}, {@code server.pem}.
     */
    public synchronized IssuedCertificate issueNode(String machine, List<String> hosts) {
        checkLabel("machine", machine);
        IssuedCertificate issued = ca.issueServer(machine, hosts, keyType);
        PemFiles.createPrivateDirectories(layout.nodeDir(machine));
        PemFiles.writeCertificates(layout.nodeCa(machine), ca.certificate());
        PemFiles.writePair(layout.serverCertificate(machine), issued.certificate(), layout.serverKey(machine), issued.privateKey());
        return issued;
    }

    /** Issues (or issues again) the cluster's client certificate into {@code client/}. */
    public synchronized IssuedCertificate issueClient() {
        IssuedCertificate issued = ca.issueClient(CLIENT_NAME, keyType);
        PemFiles.createPrivateDirectories(layout.clientDir());
        PemFiles.writeCertificates(layout.clientCa(), ca.certificate());
        PemFiles.writePair(layout.clientCertificate(), issued.certificate(), layout.clientKey(), issued.privateKey());
        return issued;
    }

    /** The nodes that have a folder, sorted. */
    public synchronized List<String> nodes() {
        TreeSet<String> nodes = new TreeSet<>();
        if (Files.isDirectory(layout.nodesDir())) {
            try (DirectoryStream<Path> stream = Files.newDirectoryStream(layout.nodesDir(), Files::isDirectory)) {
                for (Path dir : stream) {
                    String name = dir.getFileName().toString();
                    if (LABEL.matcher(name).matches()) {
                        nodes.add(name);
                    }
                }
            } catch (IOException e) {
                throw new PkiException("cannot list " + layout.nodesDir(), e);
            }
        }
        return List.copyOf(nodes);
    }

    /** The subject alternative names of a node's current certificate. */
    public synchronized List<String> hosts(String machine) {
        return Certificates.subjectAlternativeNames(PemFiles.readCertificate(layout.serverCertificate(machine)));
    }

    /** Removes a node's folder (a scale-down): its key is deleted with it. */
    public synchronized void removeNode(String machine) {
        Path dir = layout.nodeDir(machine);
        if (!Files.exists(dir)) {
            return;
        }
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            for (Path file : stream) {
                Files.delete(file);
            }
            Files.delete(dir);
        } catch (IOException e) {
            throw new PkiException("cannot remove " + dir, e);
        }
    }

    /**
     * docker-machine's {@code regenerate-certs}: new keys and certificates for every node that has
     * a folder and every node in {@code hosts}, with the names given there or, for a node not
     * given, the names its current certificate has. With {@code newCa} the CA is made anew first
     * and the client certificate with it: everything issued before stops being trusted, so every
     * node's dockerd and etcd must restart with its new files, and every client take the new
     * {@code client/}. Names are all worked out before anything is written. Run again after an
     * interruption (without a new CA) it finishes the job with the CA on disk.
     */
    public synchronized void regenerate(boolean newCa, Map<String, List<String>> hosts) {
        Map<String, List<String>> plan = new LinkedHashMap<>();
        for (String machine : nodes()) {
            plan.put(machine, hosts.containsKey(machine) ? hosts.get(machine) : hosts(machine));
        }
        hosts.forEach((machine, names) -> plan.put(checkLabel("machine", machine), names));
        if (newCa) {
            ca = CertificateAuthority.generate(cluster(), keyType, clock);
            writeCa();
        }
        if (newCa || !clientIssuedByCa()) {
            // also finishes a regeneration with a new CA that stopped after the CA
            issueClient();
        }
        plan.forEach(this::issueNode);
    }

    /**
     * What is wrong with the files, in words (empty when nothing is): a missing or unreadable file,
     * a key that is not its certificate's, a certificate not signed by this CA or ending within
     * {@link #RENEW_BEFORE}, a copy of the CA certificate that is not the CA's.
     */
    public synchronized List<String> check() {
        List<String> problems = new ArrayList<>();
        checkPair(problems, layout.clientCertificate(), layout.clientKey(), layout.clientCa());
        for (String machine : nodes()) {
            checkPair(problems, layout.serverCertificate(machine), layout.serverKey(machine), layout.nodeCa(machine));
        }
        if (ca.certificate().getNotAfter().toInstant().isBefore(clock.instant().plus(RENEW_BEFORE))) {
            problems.add(layout.caCertificate() + ": the CA ends " + ca.certificate().getNotAfter().toInstant());
        }
        return problems;
    }

    private void checkPair(List<String> problems, Path certificateFile, Path keyFile, Path caCopy) {
        try {
            X509Certificate certificate = PemFiles.readCertificate(certificateFile);
            if (!Certificates.matches(PemFiles.readPrivateKey(keyFile), certificate.getPublicKey())) {
                problems.add(keyFile + ": not the key of " + certificateFile);
            }
            if (!Certificates.signedBy(certificate, ca.certificate())) {
                problems.add(certificateFile + ": not issued by this cluster's CA");
            }
            if (certificate.getNotAfter().toInstant().isBefore(clock.instant().plus(RENEW_BEFORE))) {
                problems.add(certificateFile + ": ends " + certificate.getNotAfter().toInstant());
            }
            if (!PemFiles.readCertificate(caCopy).equals(ca.certificate())) {
                problems.add(caCopy + ": not this cluster's CA certificate");
            }
        } catch (PkiException e) {
            problems.add(e.getMessage());
        }
    }

    private boolean clientIssuedByCa() {
        try {
            return Certificates.signedBy(PemFiles.readCertificate(layout.clientCertificate()), ca.certificate());
        } catch (PkiException e) {
            return false;
        }
    }

    private void writeCa() {
        PemFiles.createPrivateDirectories(layout.caDir());
        PemFiles.writePair(layout.caCertificate(), ca.certificate(), layout.caKey(), ca.privateKey());
    }

    private static void createDirectories(PkiLayout layout) {
        PemFiles.createPrivateDirectories(layout.root());
        PemFiles.createPrivateDirectories(layout.caDir());
        PemFiles.createPrivateDirectories(layout.clientDir());
        PemFiles.createPrivateDirectories(layout.nodesDir());
    }

    /** Drops half-written temporary files and finishes or undoes pair replacements a crash interrupted. */
    private static void recover(PkiLayout layout) {
        PemFiles.sweepTemporaryFiles(layout.caDir());
        PemFiles.recoverPair(layout.caCertificate(), layout.caKey());
        PemFiles.sweepTemporaryFiles(layout.clientDir());
        PemFiles.recoverPair(layout.clientCertificate(), layout.clientKey());
        if (Files.isDirectory(layout.nodesDir())) {
            try (DirectoryStream<Path> stream = Files.newDirectoryStream(layout.nodesDir(), Files::isDirectory)) {
                for (Path dir : stream) {
                    PemFiles.sweepTemporaryFiles(dir);
                    PemFiles.recoverPair(dir.resolve(PkiLayout.SERVER_CERT), dir.resolve(PkiLayout.SERVER_KEY));
                }
            } catch (IOException e) {
                throw new PkiException("cannot list " + layout.nodesDir(), e);
            }
        }
    }

    static String checkMachineName(String machine) {
        return checkLabel("machine", machine);
    }

    private static String checkLabel(String what, String value) {
        if (value == null || !LABEL.matcher(value).matches()) {
            throw new PkiException("a " + what + " name must be a lowercase DNS label: '" + value + "'");
        }
        return value;
    }

    @Override
    public String toString() {
        return "ClusterPki[root=" + layout.root() + ", ca=" + ca + "]";
    }
}
