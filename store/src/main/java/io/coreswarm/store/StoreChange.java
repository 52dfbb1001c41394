package io.coreswarm.store;

/**
 * One change seen by a watch.
 *
 * @param value    the value after a put; null after a delete (or a lease that expired)
 * @param revision the store revision of the change
 */
public record StoreChange(String key, String value, long revision, boolean deleted) {
}
