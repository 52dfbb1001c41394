package io.coreswarm.monitor.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code X-Coreswarm-Signature-256} header, as GitHub signs its webhooks: {@code sha256=} and
 * the lowercase hex HMAC-SHA256 of the exact body bytes, keyed with the webhook's secret (UTF-8).
 */
public final class Signature {
    public static final String HEADER = "X-Coreswarm-Signature-256";
    private static final String ALGORITHM = "HmacSHA256";

    private Signature() {
    }

    public static String of(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
