package io.coreswarm.pki;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Set;

import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/**
 * PEM files of a cluster's PKI. Every file is written atomically (a temporary file in the same
 * folder, flushed to disk, then renamed over the target), so a crash leaves the old file or the new
 * one, never half of either. A private key's temporary file is created with mode 0600 by the
 * {@code open} call itself: there is no moment in which the key is on disk with wider permissions.
 * Keys are written as unencrypted PKCS#8 ({@code BEGIN PRIVATE KEY}), which Go (dockerd, etcd),
 * OpenSSL, Netty (jetcd) and docker-java all read; keys are read in PKCS#8, PKCS#1 ({@code RSA
 * PRIVATE KEY}, docker-machine's) or SEC 1 ({@code EC PRIVATE KEY}).
 */
public final class PemFiles {
    /** Private keys: owner read/write. */
    public static final Set<PosixFilePermission> PRIVATE = PosixFilePermissions.fromString("rw-------");
    /** Certificates: world-readable, as docker-machine writes them. */
    public static final Set<PosixFilePermission> PUBLIC = PosixFilePermissions.fromString("rw-r--r--");
    /** Folders of the PKI: owner only. */
    public static final Set<PosixFilePermission> PRIVATE_DIR = PosixFilePermissions.fromString("rwx------");

    private static final String TEMP_SUFFIX = ".tmp";
    private static final SecureRandom RANDOM = new SecureRandom();

    private PemFiles() {
    }

    /** Writes certificates (a chain, or one) in PEM, mode 0644. */
    public static void writeCertificates(Path file, X509Certificate... certificates) {
        StringBuilder pem = new StringBuilder();
        for (X509Certificate certificate : certificates) {
            try {
                pem.append(pem("CERTIFICATE", certificate.getEncoded()));
            } catch (CertificateEncodingException e) {
                throw new PkiException("cannot encode certificate " + certificate.getSubjectX500Principal(), e);
            }
        }
        writeAtomically(file, pem.toString().getBytes(StandardCharsets.US_ASCII), PUBLIC);
    }

    /** Writes a private key as PKCS#8 PEM, mode 0600 from the moment the file exists. */
    public static void writePrivateKey(Path file, PrivateKey key) {
        byte[] der = key.getEncoded();
        if (der == null || !"PKCS#8".equals(key.getFormat())) {
            throw new PkiException("cannot write " + file + ": the key has no PKCS#8 encoding");
        }
        byte[] content = pem("PRIVATE KEY", der).getBytes(StandardCharsets.US_ASCII);
        try {
            writeAtomically(file, content, PRIVATE);
        } finally {
            Arrays.fill(der, (byte) 0);
            Arrays.fill(content, (byte) 0);
        }
    }

    /**
     * Replaces a certificate and its key as a unit. Both are written beside their targets first
     * ({@code <name>.next}), then the key is renamed into place, then the certificate. A crash
     * before the key's rename leaves the old pair (the {@code .next} files are dropped by
     * {@link #recoverPair}); a crash between the renames leaves the new key and the new
     * certificate still beside its target, which {@link #recoverPair} renames into place.
     */
    public static void writePair(Path certificateFile, X509Certificate certificate, Path keyFile, PrivateKey key) {
        Path nextKey = next(keyFile);
        Path nextCertificate = next(certificateFile);
        writePrivateKey(nextKey, key);
        writeCertificates(nextCertificate, certificate);
        move(nextKey, keyFile);
        move(nextCertificate, certificateFile);
    }

    /** Finishes or undoes a {@link #writePair} that a crash interrupted; does nothing after a complete one. */
    public static void recoverPair(Path certificateFile, Path keyFile) {
        Path nextKey = next(keyFile);
        Path nextCertificate = next(certificateFile);
        try {
            if (Files.exists(nextKey)) {
                // the swap had not begun: the old pair stands
                Files.delete(nextKey);
                Files.deleteIfExists(nextCertificate);
            } else if (Files.exists(nextCertificate)) {
                // the new key is in place: its certificate follows
                move(nextCertificate, certificateFile);
            }
        } catch (IOException e) {
            throw new PkiException("cannot recover " + certificateFile + " and " + keyFile, e);
        }
    }

    private static Path next(Path file) {
        return file.resolveSibling(file.getFileName() + ".next");
    }

    private static void move(Path from, Path to) {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            forceDirectory(to.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new PkiException("cannot move " + from + " to " + to, e);
        }
    }

    /** The first certificate of a PEM file. */
    public static X509Certificate readCertificate(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII)) {
            return certificate(reader, file.toString());
        } catch (IOException e) {
            throw new PkiException("cannot read certificate " + file, e);
        }
    }

    /**
     * The first certificate of PEM text that came from elsewhere (a request's body); {@code what}
     * names it in the exception, which says nothing of the text.
     */
    public static X509Certificate parseCertificate(String pem, String what) {
        try (Reader reader = new StringReader(pem)) {
            return certificate(reader, what);
        } catch (IOException e) {
            throw new PkiException(what + " is not a PEM certificate (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static X509Certificate certificate(Reader reader, String what) throws IOException {
        Object pem;
        try {
            pem = new PEMParser(reader).readObject();
        } catch (IOException | RuntimeException e) {
            // a parser's message may quote the bytes it failed on
            throw new PkiException(what + " is not a PEM certificate (" + e.getClass().getSimpleName() + ")");
        }
        if (!(pem instanceof org.bouncycastle.cert.X509CertificateHolder holder)) {
            throw new PkiException(what + " holds no PEM certificate");
        }
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new java.io.ByteArrayInputStream(holder.getEncoded()));
        } catch (CertificateException e) {
            throw new PkiException(what + " is not an X.509 certificate (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** The private key of a PEM file: PKCS#8, PKCS#1 or SEC 1, unencrypted. */
    public static PrivateKey readPrivateKey(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            // the cause names the file and the failure (missing, denied), never its content
            throw new PkiException("cannot read private key " + file, e);
        }
        return parsePrivateKey(text, file.toString());
    }

    /**
     * The private key of PEM text (PKCS#8, PKCS#1 or SEC 1, unencrypted) that came from elsewhere,
     * e.g. a request's body; {@code what} names it in the exception, which never carries a cause.
     */
    public static PrivateKey parsePrivateKey(String text, String what) {
        try (PEMParser parser = new PEMParser(new StringReader(text))) {
            Object pem = parser.readObject();
            PrivateKeyInfo info;
            if (pem instanceof PEMKeyPair pair) {
                info = pair.getPrivateKeyInfo();
            } else if (pem instanceof PrivateKeyInfo pkcs8) {
                info = pkcs8;
            } else {
                throw new PkiException(what + " holds no unencrypted PEM private key");
            }
            return new JcaPEMKeyConverter().getPrivateKey(info);
        } catch (IOException | RuntimeException e) {
            if (e instanceof PkiException p) {
                throw p;
            }
            // no cause: a parser's message could quote what it failed on
            throw new PkiException("cannot read private key " + what + " (" + e.getClass().getSimpleName() + ")");
        }
    }

    /**
     * Writes {@code content} to {@code target} atomically with exactly {@code mode}: a temporary
     * file created with that mode (umask can only narrow it; it is set again after), written,
     * forced to disk, renamed over the target, and the folder forced too.
     */
    public static void writeAtomically(Path target, byte[] content, Set<PosixFilePermission> mode) {
        Path dir = target.toAbsolutePath().getParent();
        Path temp = dir.resolve("." + target.getFileName() + "." + HexFormat.of().formatHex(randomBytes()) + TEMP_SUFFIX);
        try {
            try (FileChannel channel = FileChannel.open(temp, EnumSet.of(StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE), PosixFilePermissions.asFileAttribute(mode))) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            Files.setPosixFilePermissions(temp, mode);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            forceDirectory(dir);
        } catch (IOException | UnsupportedOperationException e) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // the temporary file is swept at the next load
            }
            throw new PkiException("cannot write " + target, e);
        }
    }

    /** Creates {@code dir} and missing parents with mode 0700; an existing folder is narrowed to 0700. */
    public static void createPrivateDirectories(Path dir) {
        try {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PRIVATE_DIR));
            Files.setPosixFilePermissions(dir, PRIVATE_DIR);
        } catch (FileAlreadyExistsException e) {
            throw new PkiException(dir + " exists and is not a folder", e);
        } catch (IOException | UnsupportedOperationException e) {
            throw new PkiException("cannot create " + dir + " (a POSIX file system is needed for mode 0700)", e);
        }
    }

    /** Removes temporary files that a crash in the middle of a write left in {@code dir}. */
    static void sweepTemporaryFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, "." + "*" + TEMP_SUFFIX)) {
            for (Path temp : stream) {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new PkiException("cannot clean " + dir, e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static void forceDirectory(Path dir) {
        // makes the rename durable; some file systems refuse to open a folder, then the rename is all we get
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException ignored) {
            // best effort
        }
    }
}
