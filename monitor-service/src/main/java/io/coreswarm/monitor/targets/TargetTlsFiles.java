package io.coreswarm.monitor.targets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Comparator;
import java.util.stream.Stream;

import io.coreswarm.api.health.TargetTls;
import io.coreswarm.pki.ClientTls;
import io.coreswarm.pki.PemFiles;
import io.coreswarm.pki.PkiException;

/**
 * A target's TLS files, {@code <targets>/<name>/tls/{ca.pem,cert.pem,key.pem}} (docker's
 * {@code DOCKER_CERT_PATH} layout, which {@link ClientTls} and docker-java read): folders 0700, the
 * key 0600 from the moment it exists, the certificates 0644, each written atomically by
 * {@link PemFiles}, the certificate and key as a unit. The key lives only here: the target's JSON
 * file never holds it ({@link TargetTls#withoutKey()} is stored there), so it is read back from this folder at
 * start. Keys are written as PKCS#8 whatever form they came in (jetcd's Netty reads only that).
 */
public final class TargetTlsFiles {
    /** The folder under a target's own folder. */
    public static final String TLS_DIR = "tls";
    public static final String CA = "ca.pem";
    public static final String CERT = "cert.pem";
    public static final String KEY = "key.pem";

    private final Path targetsDir;

    TargetTlsFiles(Path targetsDir) {
        this.targetsDir = targetsDir;
    }

    /** The folder clients read a target's TLS from. */
    public Path dir(String name) {
        return targetsDir.resolve(name).resolve(TLS_DIR);
    }

    /**
     * Writes (or replaces) a target's files from TLS the rules accepted, and returns them as they
     * now are on disk (the key in PKCS#8): what the store keeps in memory and reads back after a restart.
     */
    TargetTls write(String name, TargetTls tls) {
        X509Certificate ca = PemFiles.parseCertificate(tls.ca(), "tls.ca");
        X509Certificate cert = PemFiles.parseCertificate(tls.cert(), "tls.cert");
        PrivateKey key = PemFiles.parsePrivateKey(tls.key(), "tls.key");
        Path dir = dir(name);
        PemFiles.createPrivateDirectories(dir);
        // createDirectories gave a new <name> folder 0700; narrow one left from before
        PemFiles.createPrivateDirectories(dir.getParent());
        PemFiles.writeCertificates(dir.resolve(CA), ca);
        PemFiles.writePair(dir.resolve(CERT), cert, dir.resolve(KEY), key);
        return read(name);
    }

    /**
     * A target's files as they are on disk, after finishing (or undoing) a replacement a crash
     * interrupted. Refused when a file is missing or they do not belong together (a crash between
     * writing the CA and the pair leaves a new CA beside the old certificate).
     */
    TargetTls read(String name) {
        Path dir = dir(name);
        PemFiles.recoverPair(dir.resolve(CERT), dir.resolve(KEY));
        sweepTemporaryFiles(dir);
        X509Certificate ca = PemFiles.readCertificate(dir.resolve(CA));
        X509Certificate cert = PemFiles.readCertificate(dir.resolve(CERT));
        PrivateKey key = PemFiles.readPrivateKey(dir.resolve(KEY));
        if (!ClientTls.issuedBy(cert, ca) || !ClientTls.keyMatches(key, cert)) {
            throw new PkiException(dir + ": " + CERT + ", " + KEY + " and " + CA + " do not belong together");
        }
        try {
            return new TargetTls(Files.readString(dir.resolve(CA), StandardCharsets.US_ASCII),
                    Files.readString(dir.resolve(CERT), StandardCharsets.US_ASCII),
                    Files.readString(dir.resolve(KEY), StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new PkiException("cannot read the TLS files of target " + name + " in " + dir, e);
        }
    }

    /**
     * Removes a target's TLS folder with its files, then the target's folder if nothing else is in
     * it (whatever else may one day be kept per target is not this class's to delete); nothing when
     * there is none.
     */
    void remove(String name) {
        Path folder = targetsDir.resolve(name);
        Path tls = dir(name);
        try {
            if (Files.exists(tls)) {
                try (Stream<Path> all = Files.walk(tls)) {
                    for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(p);
                    }
                }
            }
            if (Files.isDirectory(folder)) {
                try (Stream<Path> left = Files.list(folder)) {
                    if (left.findAny().isEmpty()) {
                        Files.deleteIfExists(folder);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the TLS files of target " + name + " in " + folder, e);
        }
    }

    /** What a crash in the middle of {@link PemFiles#writeAtomically} leaves: {@code .<file>.<hex>.tmp}. */
    private static void sweepTemporaryFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (DirectoryStream<Path> temps = Files.newDirectoryStream(dir, ".*.tmp")) {
            for (Path temp : temps) {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clean " + dir, e);
        }
    }
}
