/**
 * The watched targets themselves: the rules a target must follow beyond Bean Validation, where
 * they are kept ({@code TargetCatalog}: files under {@code <data-dir>/targets}, or keys in etcd
 * shared by the replicas), a target's TLS files (0600 key) and the rules they must follow among
 * them. Knows nothing of polls or health.
 */
package io.coreswarm.monitor.targets;
