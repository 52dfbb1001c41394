/**
 * The {@code local} target: a Vagrantfile for Vagrant's docker provider, each node a docker-in-docker
 * container of the node image, its {@code start.sh} (cgroups made writable, capabilities published as
 * engine labels, etcd and dockerd side by side, the probe image imported) and its {@code daemon.json}.
 */
package io.coreswarm.config.render.local;
