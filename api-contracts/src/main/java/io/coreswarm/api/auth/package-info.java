/**
 * The platform's own API token: where it comes from ({@code coreswarm.api.token}, or the file
 * {@code $CORESWARM_HOME/api-token} made at first start), the route that refuses a request without it
 * before anything of the request is read, the paths open without it (health, etcd discovery token
 * paths). (The provisioner's REST clients send it with ApiTokenHeaders of their own package.)
 */
package io.coreswarm.api.auth;
