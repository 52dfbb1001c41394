/**
 * Whether workloads run on a cluster: each node's kernel capabilities read from its engine labels
 * ({@code Capabilities}), the workload check (a global probe service whose tasks reach each other over an
 * overlay network, {@code WorkloadCheck}) and its verdict as conditions ({@code Workloads}). Loading
 * images into the nodes is the cluster package's ({@code ClusterImages}), beside the other cluster resources.
 */
package io.coreswarm.provisioner.workload;
