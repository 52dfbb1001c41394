/**
 * config-service's cloud-config validation contract, graded as {@code coreos-cloudinit -validate} grades a document.
 */
package io.coreswarm.api.validation;
