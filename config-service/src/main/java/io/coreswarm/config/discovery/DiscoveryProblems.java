package io.coreswarm.config.discovery;

import java.util.List;

import io.coreswarm.api.problem.Problem;
import io.coreswarm.api.problem.ProblemException;

/** The problems discovery answers at its caps (see {@link DiscoveryLimits}). */
final class DiscoveryProblems {
    private DiscoveryProblems() {
    }

    static ProblemException valueTooLong(int length, int max) {
        return new ProblemException(new Problem("about:blank", "Payload Too Large", 413,
                "value has " + length + " characters; at most " + max + " are kept",
                null, List.of(new Problem.Violation("value", "must be at most " + max + " characters"))));
    }

    static ProblemException tokenFull(int max) {
        return new ProblemException(new Problem("about:blank", "Conflict", 409,
                "the token holds " + max + " keys and directories, the most one token may hold",
                null, List.of(new Problem.Violation("key", "must fit in the token: at most " + max + " keys and directories"))));
    }

    static ProblemException tooManyWaiters(int max) {
        return new ProblemException(new Problem("about:blank", "Too Many Requests", 429,
                max + " polls already wait on this token; ask again later", null, List.of()));
    }

    static ProblemException storeFull(String what) {
        return new ProblemException(new Problem("about:blank", "Too Many Requests", 429,
                "discovery holds " + what + ", its most, and every token was used recently; ask again later",
                null, List.of()));
    }
}
