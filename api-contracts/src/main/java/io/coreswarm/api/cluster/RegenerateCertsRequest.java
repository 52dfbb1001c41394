package io.coreswarm.api.cluster;

/**
 * What {@code regenerate-certs} renews: every node's certificate and key always; with
 * {@code "ca": true} also the CA and the client certificate (docker-machine's
 * {@code regenerate-certs --client-certs}), after which every copy of the old client folder is
 * refused. {@code {}} renews the node certificates only.
 */
public record RegenerateCertsRequest(Boolean ca) {

    public boolean newCa() {
        return Boolean.TRUE.equals(ca);
    }
}
