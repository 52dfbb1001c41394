/**
 * Self-hosted etcd discovery: tokens, each a small etcd v2 key tree with its event history, and long polls that park no thread.
 */
package io.coreswarm.config.discovery;
