/**
 * The etcd v2 discovery protocol as config-service serves it: tokens, keys, long polls, etcd's own error shape.
 */
package io.coreswarm.api.discovery;
