package io.coreswarm.api.problem;

/** Thrown by a service to answer with a problem; {@link ProblemMappers} turns it into the response. */
public class ProblemException extends RuntimeException {
    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.detail());
        this.problem = problem;
    }

    public ProblemException(int status, String title, String detail) {
        this(Problem.of(status, title, detail));
    }

    public static ProblemException invalid(String field, String rule) {
        return new ProblemException(Problem.invalid(java.util.List.of(new Problem.Violation(field, rule))));
    }

    public Problem problem() {
        return problem;
    }
}
