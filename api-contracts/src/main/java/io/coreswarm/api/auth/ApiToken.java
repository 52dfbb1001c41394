package io.coreswarm.api.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import jakarta.inject.Singleton;

/**
 * This platform's API token, resolved once at start: {@code coreswarm.api.token} when set, else
 * the token file ({@link ApiTokenFile}, made if missing). Never logged and never in an answer:
 * {@link #toString()} does not show it.
 */
@Singleton
public class ApiToken {
    /** Shorter tokens are refused at start. */
    public static final int MIN_LENGTH = 16;

    private final String value;
    private final byte[] digest;

    ApiToken(ApiConfig config) {
        this.value = resolve(config);
        this.digest = sha256(value);
    }

    private static String resolve(ApiConfig config) {
        if (config.token().isPresent()) {
            return check(config.token().get(), "coreswarm.api.token");
        }
        try {
            return check(ApiTokenFile.readOrCreate(config.tokenFile()), "the token file " + config.tokenFile());
        } catch (IOException e) {
            throw new UncheckedIOException("could not read or make the API token file " + config.tokenFile()
                    + " (set CORESWARM_HOME, coreswarm.api.token-file or coreswarm.api.token)", e);
        }
    }

    /** The message names the rule only, never the value. */
    private static String check(String token, String source) {
        if (token.length() < MIN_LENGTH || !token.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new IllegalStateException("the API token from " + source + " must be at least " + MIN_LENGTH
                    + " visible ASCII characters (no spaces)");
        }
        return token;
    }

    /**
     * Whether {@code presented} is the token, in time that does not depend on where they differ or
     * on the length of either: both are hashed, then the digests compared with
     * {@link MessageDigest#isEqual}.
     */
    public boolean matches(String presented) {
        return presented != null && MessageDigest.isEqual(digest, sha256(presented));
    }

    /** The value of an {@code Authorization} header that carries the token, for calls to the other services. */
    public String authorizationHeader() {
        return "Bearer " + value;
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return "ApiToken[hidden]";
    }
}
