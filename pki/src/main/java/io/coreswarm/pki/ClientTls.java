package io.coreswarm.pki;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManagerFactory;

import io.grpc.netty.GrpcSslContexts;
import io.netty.handler.ssl.SslContext;

/**
 * TLS contexts for the provisioner's own clients, from a folder in docker's {@code DOCKER_CERT_PATH}
 * layout ({@code ca.pem}, {@code cert.pem}, {@code key.pem}; {@link PkiLayout#clientDir()}): trust
 * this cluster's CA and nothing else, present the cluster's client certificate.
 */
public final class ClientTls {
    private ClientTls() {
    }

    /**
     * A JDK {@link SSLContext} for docker-java: {@code new ApacheDockerHttpClient.Builder().sslConfig(() -> ClientTls.sslContext(dir))}.
     * Unlike docker-java's own {@code LocalDirectorySSLConfig} it registers no BouncyCastle security
     * provider at run time (one thing less for a native image) and trusts the cluster's CA only.
     */
    public static SSLContext sslContext(Path certDir) {
        X509Certificate ca = PemFiles.readCertificate(certDir.resolve(PkiLayout.CA_CERT));
        X509Certificate certificate = PemFiles.readCertificate(certDir.resolve(PkiLayout.CLIENT_CERT));
        PrivateKey key = PemFiles.readPrivateKey(certDir.resolve(PkiLayout.CLIENT_KEY));
        try {
            char[] password = new char[0];
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(null, null);
            keys.setKeyEntry("client", key, password, new X509Certificate[] {certificate});
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(keys, password);
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("ca", ca);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(kmf.getKeyManagers(), tmf.getTrustManagers(), new SecureRandom());
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new PkiException("cannot make a TLS context of " + certDir, e);
        }
    }

    /**
     * Whether {@code key} is the private key of {@code certificate} (it signs, the certificate's
     * public key verifies): client files given by hand may pair a certificate with another key.
     */
    public static boolean keyMatches(PrivateKey key, X509Certificate certificate) {
        try {
            return Certificates.matches(key, certificate.getPublicKey());
        } catch (PkiException e) {
            // neither EC nor RSA
            return false;
        }
    }

    /** Whether {@code certificate} was issued by {@code ca}: names and signature. */
    public static boolean issuedBy(X509Certificate certificate, X509Certificate ca) {
        return Certificates.signedBy(certificate, ca);
    }

    /**
     * A Netty {@link SslContext} for jetcd: {@code Client.builder().endpoints("https://…").sslContext(ClientTls.jetcd(dir))}.
     * Netty reads the key itself, which is why keys are written in PKCS#8.
     */
    public static SslContext jetcd(Path certDir) {
        try {
            return GrpcSslContexts.forClient()
                    .trustManager(certDir.resolve(PkiLayout.CA_CERT).toFile())
                    .keyManager(certDir.resolve(PkiLayout.CLIENT_CERT).toFile(), certDir.resolve(PkiLayout.CLIENT_KEY).toFile())
                    .build();
        } catch (SSLException | IllegalArgumentException e) {
            // Netty's message names the file it could not use, not its content
            throw new PkiException("cannot make a TLS context for etcd of " + certDir + " (" + e.getClass().getSimpleName() + ")");
        }
    }
}
