package io.coreswarm.monitor.targets;

import java.net.URI;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Locale;

import io.coreswarm.api.health.MonitorTarget;
import io.coreswarm.api.health.TargetTls;
import io.coreswarm.api.problem.Problem;
import io.coreswarm.pki.ClientTls;
import io.coreswarm.pki.PemFiles;
import io.coreswarm.pki.PkiException;

/**
 * What a target's TLS must be beyond {@link TargetTls}'s patterns: https etcd endpoints come with
 * {@code tls} (else every call would fail its handshake), one scheme for all etcd endpoints (one
 * client speaks to every member), and files that work together: the CA is a CA, the client
 * certificate was issued by it and allows client authentication, the key is the certificate's,
 * neither has expired. The rules never quote the PEM they refuse, only the field.
 */
public final class TargetTlsRules {
    /** id-kp-clientAuth. */
    private static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";
    /** anyExtendedKeyUsage. */
    private static final String ANY_USAGE = "2.5.29.37.0";
    /**
     * Checking that the key is the certificate's signs with it: an RSA key is refused above this
     * size (the PEM cap of 16384 characters lets through RSA keys of about 12000 bits, and a signature costs about the cube of the size).
     */
    static final int MAX_RSA_BITS = 4096;

    private TargetTlsRules() {
    }

    /** Adds one violation per broken rule. */
    static void check(List<String> etcdEndpoints, TargetTls tls, List<Problem.Violation> violations) {
        schemes(etcdEndpoints, tls != null, violations);
        if (tls != null) {
            files(tls, violations);
        }
    }

    /** Whether the target's etcd is reached over TLS (its endpoints are https). */
    public static boolean etcdOverTls(MonitorTarget target) {
        return !target.etcdEndpoints().isEmpty() && "https".equals(scheme(target.etcdEndpoints().get(0)));
    }

    private static void schemes(List<String> endpoints, boolean tls, List<Problem.Violation> violations) {
        String first = endpoints.isEmpty() ? null : scheme(endpoints.get(0));
        for (int i = 0; i < endpoints.size(); i++) {
            String scheme = scheme(endpoints.get(i));
            if ("https".equals(scheme) && !tls) {
                violations.add(new Problem.Violation("etcdEndpoints[" + i + "]",
                        "https needs tls: the CA and the client certificate and key to reach etcd with"));
            } else if (i > 0 && !scheme.equals(first)) {
                violations.add(new Problem.Violation("etcdEndpoints[" + i + "]",
                        "must use the scheme of etcdEndpoints[0] (" + first + "): one client speaks to every member"));
            }
        }
    }

    private static String scheme(String endpoint) {
        String scheme = URI.create(endpoint).getScheme();
        return scheme == null ? "" : scheme.toLowerCase(Locale.ROOT);
    }

    private static void files(TargetTls tls, List<Problem.Violation> violations) {
        X509Certificate ca = certificate(tls.ca(), "tls.ca", violations);
        X509Certificate cert = certificate(tls.cert(), "tls.cert", violations);
        PrivateKey key = null;
        try {
            key = PemFiles.parsePrivateKey(tls.key(), "tls.key");
            if (key instanceof RSAPrivateKey rsa && rsa.getModulus().bitLength() > MAX_RSA_BITS) {
                violations.add(new Problem.Violation("tls.key", "must be an RSA key of at most " + MAX_RSA_BITS + " bits, or an EC key"));
                key = null;
            }
        } catch (PkiException e) {
            violations.add(new Problem.Violation("tls.key", "must be an unencrypted EC or RSA private key in PEM (PKCS#8, PKCS#1 or SEC 1)"));
        }
        if (ca != null) {
            if (ca.getBasicConstraints() < 0) {
                violations.add(new Problem.Violation("tls.ca", "must be a CA certificate (basic constraints CA:TRUE)"));
            }
            valid(ca, "tls.ca", violations);
        }
        if (cert != null) {
            valid(cert, "tls.cert", violations);
            if (!clientAuth(cert)) {
                violations.add(new Problem.Violation("tls.cert", "must allow client authentication (extended key usage clientAuth)"));
            }
            if (ca != null && !ClientTls.issuedBy(cert, ca)) {
                violations.add(new Problem.Violation("tls.cert", "must be issued by tls.ca"));
            }
            if (key != null && !ClientTls.keyMatches(key, cert)) {
                violations.add(new Problem.Violation("tls.key", "must be the private key of tls.cert"));
            }
        }
    }

    private static X509Certificate certificate(String pem, String field, List<Problem.Violation> violations) {
        try {
            return PemFiles.parseCertificate(pem, field);
        } catch (PkiException e) {
            violations.add(new Problem.Violation(field, "must be one X.509 certificate in PEM"));
            return null;
        }
    }

    private static void valid(X509Certificate certificate, String field, List<Problem.Violation> violations) {
        try {
            certificate.checkValidity();
        } catch (CertificateExpiredException e) {
            violations.add(new Problem.Violation(field, "has expired (not after " + certificate.getNotAfter().toInstant() + ")"));
        } catch (CertificateNotYetValidException e) {
            violations.add(new Problem.Violation(field, "is not valid yet (not before " + certificate.getNotBefore().toInstant() + ")"));
        }
    }

    /** No extended key usage at all allows any use (RFC 5280 4.2.1.12). */
    private static boolean clientAuth(X509Certificate certificate) {
        try {
            List<String> usages = certificate.getExtendedKeyUsage();
            return usages == null || usages.contains(CLIENT_AUTH) || usages.contains(ANY_USAGE);
        } catch (CertificateParsingException e) {
            return false;
        }
    }
}
