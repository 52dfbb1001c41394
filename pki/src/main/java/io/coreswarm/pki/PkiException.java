package io.coreswarm.pki;

/**
 * A certificate or key that cannot be made, read or written. Its message names files and
 * certificates only, never key material; a failure to read a private key keeps no cause, so that
 * no parser's message about the key's bytes travels with it.
 */
public class PkiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public PkiException(String message) {
        super(message);
    }

    public PkiException(String message, Throwable cause) {
        super(message, cause);
    }
}
