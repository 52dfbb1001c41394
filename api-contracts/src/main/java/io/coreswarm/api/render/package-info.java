/**
 * config-service's rendering contract: a spec in, the files that build the cluster out (JSON, or a tar for {@code vagrant up}).
 */
package io.coreswarm.api.render;
