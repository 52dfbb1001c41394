/**
 * cloud-config validation as {@code coreos-cloudinit -validate} does it: header, YAML, the config schema and its rules, each finding with its line.
 */
package io.coreswarm.config.validation;
