/**
 * What commands print: a table for people, or the service's answer as JSON or YAML for scripts
 * ({@code -o json|yaml}).
 */
package io.coreswarm.cli.output;
