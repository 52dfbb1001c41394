/**
 * The {@code vagrant} CLI: running its commands for an operation (output streamed to the log,
 * the process tree attached for cancelling) and reading {@code vagrant status --machine-readable}.
 */
package io.coreswarm.provisioner.vagrant;
