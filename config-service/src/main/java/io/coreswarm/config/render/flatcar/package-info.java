/**
 * The {@code flatcar} target: per-node Butane configs compiled in Java to Ignition 3.3.0, and their Vagrantfile and config.rb.
 */
package io.coreswarm.config.render.flatcar;
