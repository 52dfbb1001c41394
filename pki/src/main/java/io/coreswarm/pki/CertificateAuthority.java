package io.coreswarm.pki;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.List;
import java.util.regex.Pattern;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.util.IPAddress;

/**
 * A cluster's certificate authority, modelled on docker-machine's {@code libmachine/cert}: a
 * self-signed CA that issues server certificates (one per node: its machine name and addresses,
 * {@code localhost} and the loopback addresses, usable as server and as client so that etcd peers
 * authenticate each other with it) and client certificates. Certificates are valid
 * {@link #VALIDITY} (docker-machine's 1080 days) from five minutes ago (clock skew between host and
 * nodes), never beyond the CA's own end. Uses BouncyCastle's builders with the JDK's providers:
 * no security provider is registered.
 */
public final class CertificateAuthority {
    /** docker-machine's validity for its CA and certificates. */
    public static final Duration VALIDITY = Duration.ofDays(1080);
    /** Certificates start this long ago, as docker-machine's do, for nodes whose clocks run behind. */
    static final Duration BACKDATE = Duration.ofMinutes(5);

    static final String ORGANIZATION = "coreswarm";
    private static final Pattern DNS_NAME = Pattern.compile(
            "(?=.{1,253}$)[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*");
    private static final List<String> LOOPBACK = List.of("localhost", "127.0.0.1", "::1");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final X509Certificate certificate;
    private final PrivateKey key;
    private final Clock clock;

    private CertificateAuthority(X509Certificate certificate, PrivateKey key, Clock clock) {
        this.certificate = certificate;
        this.key = key;
        this.clock = clock;
    }

    /** A new self-signed CA for {@code cluster}: subject {@code CN=coreswarm <cluster> CA, OU=<cluster>, O=coreswarm}. */
    public static CertificateAuthority generate(String cluster, KeyType type, Clock clock) {
        KeyPair pair = type.generate();
        X500Name subject = name(cluster, ORGANIZATION + " " + cluster + " CA");
        Instant notBefore = clock.instant().minus(BACKDATE).truncatedTo(ChronoUnit.SECONDS);
        try {
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, serial(),
                    Date.from(notBefore), Date.from(notBefore.plus(VALIDITY)), subject, pair.getPublic())
                    // path length 0: it signs leaf certificates only
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
                    .addExtension(Extension.keyUsage, true,
                            new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign | KeyUsage.digitalSignature))
                    .addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(pair.getPublic()));
            X509Certificate ca = sign(builder, pair.getPrivate());
            return new CertificateAuthority(ca, pair.getPrivate(), clock);
        } catch (GeneralSecurityException | CertIOException e) {
            throw new PkiException("cannot make the CA of cluster " + cluster, e);
        }
    }

    /** An existing CA, as read back from disk; refuses a key that is not the certificate's or a certificate that is no CA. */
    public static CertificateAuthority of(X509Certificate certificate, PrivateKey key, Clock clock) {
        if (certificate.getBasicConstraints() < 0) {
            throw new PkiException(certificate.getSubjectX500Principal() + " is not a CA certificate");
        }
        if (!Certificates.matches(key, certificate.getPublicKey())) {
            throw new PkiException("the CA key does not belong to " + certificate.getSubjectX500Principal()
                    + " (a CA regeneration interrupted?): regenerate with a new CA");
        }
        return new CertificateAuthority(certificate, key, clock);
    }

    public X509Certificate certificate() {
        return certificate;
    }

    PrivateKey privateKey() {
        return key;
    }

    /** The cluster named in the CA's subject (its OU). */
    public String cluster() {
        return X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded())
                .getRDNs(BCStyle.OU)[0].getFirst().getValue().toString();
    }

    /**
     * A server certificate for node {@code machine}: subject CN = the machine name; names = the
     * machine name, {@code hosts} (DNS names or IP addresses) and {@code localhost}, 127.0.0.1, ::1;
     * extended key usage serverAuth and clientAuth (etcd peers dial each other with it).
     */
    public IssuedCertificate issueServer(String machine, List<String> hosts, KeyType type) {
        List<String> names = new ArrayList<>();
        names.add(machine);
        names.addAll(hosts);
        names.addAll(LOOPBACK);
        // one entry per name: "::1" and "0:0:0:0:0:0:0:1" (as a certificate gives it back) are one address
        Map<String, GeneralName> generalNames = new LinkedHashMap<>();
        for (String host : names) {
            generalNames.putIfAbsent(canonical(host), generalName(host));
        }
        int usage = KeyUsage.digitalSignature | (type == KeyType.RSA_2048 ? KeyUsage.keyEncipherment : 0);
        return issue(machine, type, usage,
                new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth},
                new GeneralNames(generalNames.values().toArray(GeneralName[]::new)));
    }

    /** A client certificate (extended key usage clientAuth only) with subject CN = {@code commonName}. */
    public IssuedCertificate issueClient(String commonName, KeyType type) {
        return issue(commonName, type, KeyUsage.digitalSignature, new KeyPurposeId[] {KeyPurposeId.id_kp_clientAuth}, null);
    }

    private IssuedCertificate issue(String commonName, KeyType type, int keyUsage, KeyPurposeId[] purposes, GeneralNames names) {
        KeyPair pair = type.generate();
        Instant notBefore = clock.instant().minus(BACKDATE).truncatedTo(ChronoUnit.SECONDS);
        Instant notAfter = notBefore.plus(VALIDITY);
        Instant caEnd = certificate.getNotAfter().toInstant();
        if (notAfter.isAfter(caEnd)) {
            notAfter = caEnd;
        }
        if (!notAfter.isAfter(clock.instant())) {
            throw new PkiException("the CA " + certificate.getSubjectX500Principal() + " expired at " + caEnd
                    + ": regenerate with a new CA");
        }
        try {
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(certificate, serial(),
                    Date.from(notBefore), Date.from(notAfter), name(cluster(), commonName), pair.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(keyUsage))
                    .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purposes))
                    .addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(pair.getPublic()))
                    .addExtension(Extension.authorityKeyIdentifier, false, utils.createAuthorityKeyIdentifier(certificate));
            if (names != null) {
                builder.addExtension(Extension.subjectAlternativeName, false, names);
            }
            return new IssuedCertificate(sign(builder, key), pair.getPrivate());
        } catch (GeneralSecurityException | CertIOException e) {
            throw new PkiException("cannot issue a certificate for " + commonName, e);
        }
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey signingKey)
            throws GeneralSecurityException {
        String algorithm = KeyType.of(signingKey).signatureAlgorithm();
        try {
            return new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder(algorithm).build(signingKey)));
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException("cannot sign with " + algorithm, e);
        }
    }

    private static String canonical(String host) {
        if (IPAddress.isValid(host)) {
            try {
                // an address literal: parsed, never looked up
                return InetAddress.getByName(host).getHostAddress();
            } catch (UnknownHostException e) {
                throw new PkiException("not an IP address: '" + host + "'");
            }
        }
        return host.toLowerCase(Locale.ROOT);
    }

    private static GeneralName generalName(String host) {
        if (IPAddress.isValid(host)) {
            return new GeneralName(GeneralName.iPAddress, host);
        }
        if (DNS_NAME.matcher(host).matches()) {
            return new GeneralName(GeneralName.dNSName, host);
        }
        throw new PkiException("not a DNS name or an IP address: '" + host + "'");
    }

    private static X500Name name(String cluster, String commonName) {
        return new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.O, ORGANIZATION)
                .addRDN(BCStyle.OU, cluster)
                .addRDN(BCStyle.CN, commonName)
                .build();
    }

    /** A random positive serial of 128 bits (RFC 5280: at most 20 octets), as docker-machine's. */
    private static BigInteger serial() {
        return new BigInteger(128, RANDOM).setBit(127);
    }

    @Override
    public String toString() {
        return "CertificateAuthority[subject=" + certificate.getSubjectX500Principal().getName()
                + ", sha256=" + Certificates.sha256(certificate) + ", notAfter=" + certificate.getNotAfter().toInstant() + "]";
    }
}
