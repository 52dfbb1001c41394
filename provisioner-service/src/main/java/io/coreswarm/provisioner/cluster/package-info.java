/**
 * Clusters: the HTTP API ({@code ClusterResource}), the checks a request must pass at once
 * ({@code ClusterService}), the records in memory and on disk ({@code Clusters}), each lifecycle
 * operation as a plan of named steps ({@code ClusterLifecycle} and one class per step), how an
 * operation changes its cluster ({@code ClusterPhases}), the background reconcile with Vagrant
 * ({@code MachineReconciler}), rendering through config-service, subnets, and monitor registration.
 */
package io.coreswarm.provisioner.cluster;
