package io.coreswarm.config.validation;

/**
 * What decoding the contents of one document may cost: bytes produced (base64 and gzip together)
 * and wall time. An 81 KB cloud-config whose write_files entries alias one gzip bomb once cost 58 s
 * of CPU; a document now decodes at most {@link #MAX_BYTES} bytes within {@link #MAX_NANOS}, and
 * a content aliased by many entries is decoded once.
 */
final class DecodeBudget {
    /** A node's files are small; this is far above any real cloud-config and inflates in tens of milliseconds. */
    static final long MAX_BYTES = 32L * 1024 * 1024;
    static final long MAX_NANOS = 500_000_000L;

    private final long deadline;
    private long bytesLeft;

    DecodeBudget() {
        this(MAX_BYTES, MAX_NANOS);
    }

    DecodeBudget(long bytes, long nanos) {
        this.bytesLeft = bytes;
        this.deadline = System.nanoTime() + nanos;
    }

    /** Accounts for {@code n} more decoded bytes; throws once the bytes or the time are spent. */
    void spend(long n) throws Spent {
        bytesLeft -= n;
        if (bytesLeft < 0) {
            throw new Spent("its contents decode to more than " + MAX_BYTES / (1024 * 1024) + " MiB");
        }
        if (System.nanoTime() - deadline > 0) {
            throw new Spent("decoding its contents takes longer than " + MAX_NANOS / 1_000_000 + " ms");
        }
    }

    /** The budget ran out: the contents not yet checked stay unchecked, and a finding says so. */
    static final class Spent extends Exception {
        private static final long serialVersionUID = 1L;

        Spent(String why) {
            super(why, null, false, false);
        }
    }
}
