package io.coreswarm.config.validation;

import io.coreswarm.config.Seed;

/** The user-data of the seed blog post, which coreswarm's coreos-legacy target reproduces. */
final class SeedUserData {
    private SeedUserData() {
    }

    /** Exactly what stands between the post's yaml highlight tags, so it begins with a blank line. */
    static String verbatim() {
        return Seed.userData();
    }

    /**
     * The file as coreos-vagrant's {@code user-data} holds it. The blank line the post shows first is
     * the blog's markup (the highlight tag is followed by an empty line), not part of the file: the
     * coreos-vagrant sample user-data starts with the header, and a machine would otherwise ignore it.
     */
    static String asFile() {
        return verbatim().replaceFirst("^\n", "");
    }
}
