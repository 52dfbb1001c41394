/**
 * The one way the platform connects to Docker engines: {@link io.coreswarm.docker.DockerClientFactory}
 * (docker-java over httpclient5; host, timeouts and TLS files as parameters, nothing taken from the
 * environment) and the native-image registration of the docker-java models the services use.
 */
package io.coreswarm.docker;
