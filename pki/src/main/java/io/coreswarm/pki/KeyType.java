package io.coreswarm.pki;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.ECGenParameterSpec;

/**
 * The key pairs a cluster's PKI makes. ECDSA P-256 is the default: every consumer of the files
 * takes it (dockerd, the docker CLI, etcd and etcdctl through Go's crypto/tls; OpenSSL; jetcd's
 * Netty and docker-java on the JDK), it is stronger than RSA 2048 (128 against 112 bits of
 * security), its handshakes are cheaper and a key takes milliseconds to make where an RSA key
 * takes tens to hundreds (a create makes one per node, up to 99, on a shared machine).
 * RSA 2048, docker-machine's choice, is there for anyone who needs it.
 */
public enum KeyType {
    EC_P256("EC", "SHA256withECDSA"),
    RSA_2048("RSA", "SHA256withRSA");

    private final String algorithm;
    private final String signatureAlgorithm;

    KeyType(String algorithm, String signatureAlgorithm) {
        this.algorithm = algorithm;
        this.signatureAlgorithm = signatureAlgorithm;
    }

    /** The JCA algorithm of the keys: {@code EC} or {@code RSA}. */
    public String algorithm() {
        return algorithm;
    }

    /** How a key of this type signs the certificates it issues. */
    String signatureAlgorithm() {
        return signatureAlgorithm;
    }

    KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
            if (this == EC_P256) {
                generator.initialize(new ECGenParameterSpec("secp256r1"));
            } else {
                generator.initialize(2048);
            }
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new PkiException("cannot generate a " + this + " key pair", e);
        }
    }

    /** The type of an existing key (a CA loaded from disk signs with what it is). */
    static KeyType of(PrivateKey key) {
        for (KeyType type : values()) {
            if (type.algorithm.equals(key.getAlgorithm())) {
                return type;
            }
        }
        throw new PkiException("unsupported key algorithm " + key.getAlgorithm() + " (EC or RSA)");
    }
}
