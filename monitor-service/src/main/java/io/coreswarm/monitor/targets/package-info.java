/**
 * The watched targets themselves: the rules a target must follow beyond Bean Validation, and
 * their files under {@code <data-dir>/targets}. Knows nothing of polls or health.
 */
package io.coreswarm.monitor.targets;
