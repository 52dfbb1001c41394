package io.coreswarm.provisioner.replica;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;

import org.junit.jupiter.api.Test;

/** Which requests go to a cluster's owner, and how; reads of the records stay with any replica. */
class OwnedPathTest {

    @Test
    void readsOfRecordsAndCreatesAreAnsweredByAnyReplica() {
        assertEquals(Optional.empty(), OwnedPath.of("GET", "/v1/clusters"));
        assertEquals(Optional.empty(), OwnedPath.of("POST", "/v1/clusters"));
        assertEquals(Optional.empty(), OwnedPath.of("GET", "/v1/clusters/c1"));
        assertEquals(Optional.empty(), OwnedPath.of("GET", "/v1/operations"));
        assertEquals(Optional.empty(), OwnedPath.of("GET", "/v1/operations/op-1"));
        assertEquals(Optional.empty(), OwnedPath.of("GET", "/v1/replicas"));
    }

    @Test
    void whatUsesTheOwnersWorkspaceIsForwarded() {
        assertEquals(Optional.of(new OwnedPath("c1", null, OwnedPath.Way.FORWARD)), OwnedPath.of("DELETE", "/v1/clusters/c1"));
        for (String sub : new String[] { "scale", "halt", "resume", "env", "certs", "checks", "regenerate-certs" }) {
            assertEquals(Optional.of(new OwnedPath("c1", null, OwnedPath.Way.FORWARD)), OwnedPath.of("POST", "/v1/clusters/c1/" + sub), sub);
        }
        assertEquals(Optional.of(new OwnedPath(null, "op-1", OwnedPath.Way.FORWARD)), OwnedPath.of("POST", "/v1/operations/op-1/cancel"));
    }

    @Test
    void streamsAreRedirected() {
        assertEquals(Optional.of(new OwnedPath(null, "op-1", OwnedPath.Way.REDIRECT)), OwnedPath.of("GET", "/v1/operations/op-1/log"));
        assertEquals(Optional.of(new OwnedPath("c1", null, OwnedPath.Way.REDIRECT)), OwnedPath.of("POST", "/v1/clusters/c1/images"));
    }
}
