package io.coreswarm.store;

/**
 * A key and its value as etcd holds it.
 *
 * @param key            without the namespace
 * @param modRevision    the store revision of its last change: what {@link EtcdStore#replace} compares
 * @param version        1 at creation, +1 on each change
 * @param lease          the lease it lives under, 0 for none
 */
public record StoredValue(String key, String value, long createRevision, long modRevision, long version, long lease) {
}
