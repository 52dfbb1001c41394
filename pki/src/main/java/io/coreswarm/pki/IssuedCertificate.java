package io.coreswarm.pki;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * A certificate and its private key, as just issued. Not a record: its {@code toString} names the
 * certificate (subject, serial, names, expiry) and never the key, which only this package reads.
 */
public final class IssuedCertificate {
    private final X509Certificate certificate;
    private final PrivateKey privateKey;

    IssuedCertificate(X509Certificate certificate, PrivateKey privateKey) {
        this.certificate = certificate;
        this.privateKey = privateKey;
    }

    public X509Certificate certificate() {
        return certificate;
    }

    PrivateKey privateKey() {
        return privateKey;
    }

    /** The subject alternative names: DNS names and IP addresses, as strings. */
    public List<String> subjectAlternativeNames() {
        return Certificates.subjectAlternativeNames(certificate);
    }

    @Override
    public String toString() {
        return "IssuedCertificate[" + Certificates.describe(certificate) + "]";
    }
}
