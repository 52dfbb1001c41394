package io.coreswarm.provisioner.replica;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which requests need the replica that owns a cluster, and how they reach it. Reads of a cluster
 * or an operation record are answered by any replica from the store; what uses the owner's
 * workspace or processes (operations, cancel, env, certs, checks, images) goes to the owner:
 * forwarded, or redirected (307) for a stream (an operation's log, an image archive upload) that
 * a buffered forward would hold in memory.
 *
 * @param cluster   the cluster named in the path, or null
 * @param operation the operation named in the path, or null
 */
record OwnedPath(String cluster, String operation, Way way) {

    /** How a request reaches the owner. */
    enum Way {
        FORWARD, REDIRECT
    }

    private static final Pattern CLUSTER = Pattern.compile("^/v1/clusters/([^/]+)(/[^/]+)?/?$");
    private static final Pattern OPERATION = Pattern.compile("^/v1/operations/([^/]+)/([^/]+)/?$");

    /** The owner's part of a request, if it has one. */
    static Optional<OwnedPath> of(String method, String path) {
        Matcher c = CLUSTER.matcher(path);
        if (c.matches()) {
            String sub = c.group(2);
            if (sub == null) {
                // GET reads the record any replica has; DELETE destroys the owner's machines
                return "DELETE".equals(method) ? Optional.of(new OwnedPath(c.group(1), null, Way.FORWARD)) : Optional.empty();
            }
            return Optional.of(new OwnedPath(c.group(1), null, "/images".equals(sub) ? Way.REDIRECT : Way.FORWARD));
        }
        Matcher o = OPERATION.matcher(path);
        if (o.matches()) {
            return Optional.of(new OwnedPath(null, o.group(1), "log".equals(o.group(2)) ? Way.REDIRECT : Way.FORWARD));
        }
        return Optional.empty();
    }
}
