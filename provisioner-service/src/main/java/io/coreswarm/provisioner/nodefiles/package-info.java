/**
 * Files a node boots with that config-service must not render because they hold a key: the
 * provisioner, which keeps the cluster's PKI, adds them to what config-service rendered. Depends on
 * the pki module (and Jackson) only; nothing else of the provisioner.
 */
package io.coreswarm.provisioner.nodefiles;
