/**
 * provisioner-service: cluster lifecycle through the real {@code vagrant} CLI. This package holds
 * only its configuration ({@link io.coreswarm.provisioner.ProvisionerConfig}); the work is in the
 * sub-packages, which depend on each other one way only (checked by {@code ArchitectureTest}):
 * {@code cluster} on {@code operation}, {@code etcd}, {@code swarm}, {@code vagrant}, {@code model},
 * {@code workspace}, {@code clients} and {@code nodefiles} (a node's TLS files in its Ignition config);
 * the certificates come from the {@code pki} module; see docs/provisioner-service.md.
 */
package io.coreswarm.provisioner;
