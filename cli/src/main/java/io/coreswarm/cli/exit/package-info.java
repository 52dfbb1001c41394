/**
 * Exit codes scripts can trust ({@link io.coreswarm.cli.exit.ExitCode}) and the one place a failure
 * becomes a message on stderr and a code ({@link io.coreswarm.cli.exit.FailureHandler}): never a
 * stack trace.
 */
package io.coreswarm.cli.exit;
