/**
 * A cluster's folder on disk ({@code machines/} where Vagrant runs, {@code cluster.json},
 * {@code operations/}) and reading and writing the JSON records in it.
 */
package io.coreswarm.provisioner.workspace;
