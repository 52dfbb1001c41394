/**
 * A CA per cluster and the certificates it issues (docker-machine's {@code libmachine/cert} for
 * coreswarm): {@link io.coreswarm.provisioner.pki.ClusterPki} on disk in the
 * {@link io.coreswarm.provisioner.pki.PkiLayout} layout, keys written 0600 and atomically by
 * {@link io.coreswarm.provisioner.pki.PemFiles}. Depends on nothing else of the provisioner.
 */
package io.coreswarm.provisioner.pki;
