package io.coreswarm.api.problem;

/** 404: the request names something that does not exist. */
public class NotFound extends ProblemException {
    public NotFound(String detail) {
        super(404, "Not Found", detail);
    }
}
