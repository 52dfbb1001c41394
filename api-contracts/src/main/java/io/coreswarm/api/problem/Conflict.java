package io.coreswarm.api.problem;

/** 409: the request is well-formed but the state of what it names refuses it now. */
public class Conflict extends ProblemException {
    public Conflict(String detail) {
        super(409, "Conflict", detail);
    }
}
