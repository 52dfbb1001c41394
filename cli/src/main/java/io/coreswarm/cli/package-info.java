/**
 * The {@code coreswarm} command line: {@link io.coreswarm.cli.Main} runs picocli's command tree
 * ({@code command}) inside a Quarkus command-mode application and exits with its code.
 */
package io.coreswarm.cli;
