/**
 * The {@code coreos-legacy} target: the seed's coreos-vagrant Vagrantfile, config.rb and cloud-config user-data.
 */
package io.coreswarm.config.render.coreos;
