/** Running the packaged services and the packaged CLI as processes, as a user runs them. */
package io.coreswarm.cli.support;
