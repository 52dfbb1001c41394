package io.coreswarm.config.discovery;

import io.coreswarm.api.discovery.EtcdResponse;

/**
 * A keys call that succeeded.
 *
 * @param status 201 when a key was created, 200 otherwise
 * @param index  the store's index after the call, sent as {@code X-Etcd-Index}
 */
public record Outcome(int status, EtcdResponse response, long index) {
}
