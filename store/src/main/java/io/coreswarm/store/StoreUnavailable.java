package io.coreswarm.store;

import io.coreswarm.api.problem.ProblemException;

/** etcd did not answer in time, or refused: the request that needed it is answered 503. */
public final class StoreUnavailable extends ProblemException {
    private static final long serialVersionUID = 1L;

    public StoreUnavailable(String doing, Throwable cause) {
        super(503, "State store unavailable", "etcd did not answer while " + doing + " (" + reason(cause) + ")");
        initCause(cause);
    }

    private static String reason(Throwable cause) {
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return root.getClass().getSimpleName() + (message == null ? "" : ": " + firstLine(message));
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
