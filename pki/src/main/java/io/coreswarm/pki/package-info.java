/**
 * A CA per cluster and the certificates it issues (docker-machine's {@code libmachine/cert} for
 * coreswarm): {@link io.coreswarm.pki.ClusterPki} on disk in the
 * {@link io.coreswarm.pki.PkiLayout} layout, keys written 0600 and atomically by
 * {@link io.coreswarm.pki.PemFiles}. Depends on nothing else of the provisioner.
 */
package io.coreswarm.pki;
