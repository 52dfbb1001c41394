/**
 * A cluster's etcd through jetcd: waiting for its members, and adding or removing one on scaling.
 */
package io.coreswarm.provisioner.etcd;
