/**
 * The watched targets themselves: the rules a target must follow beyond Bean Validation, and
 * their files under {@code <data-dir>/targets}, a target's TLS files (0600 key) and the rules they
 * must follow among them. Knows nothing of polls or health.
 */
package io.coreswarm.monitor.targets;
