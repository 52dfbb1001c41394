/**
 * The command tree, {@link io.coreswarm.cli.command.CoreswarmCommand} and one class per command.
 * Each takes the services' addresses as options ({@code ServiceOptions}) and calls them through the
 * api-contracts interfaces; lifecycle commands share {@link io.coreswarm.cli.command.OperationWatch}
 * to report and follow the operation they start.
 */
package io.coreswarm.cli.command;
