/**
 * Readiness: the three things every operation needs (a writable workspace folder, a vagrant that
 * runs, a dockerd that answers), each a named check in {@code /q/health/ready} that says why it is
 * DOWN.
 */
package io.coreswarm.provisioner.health;
