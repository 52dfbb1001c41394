package io.coreswarm.provisioner.model;

/**
 * The replica that owns a cluster (and runs its operations): with {@code coreswarm.store=etcd} each
 * cluster and operation record names it, because the workspace (Vagrantfile, pki, machines) and the
 * operation logs live on its host only.
 *
 * @param replica its replica id ({@code coreswarm.replica.id}, by default host:port)
 * @param host    the host its workspaces are on
 * @param address the URL it served at when it wrote the record (the live one comes from the replica registry)
 */
public record Owner(String replica, String host, String address) {

    /** Whether this owner is the replica {@code id}. */
    public boolean is(String id) {
        return replica.equals(id);
    }

    @Override
    public String toString() {
        return "replica " + replica + " on host " + host;
    }
}
