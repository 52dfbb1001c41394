/**
 * Helpers the tests of every module share, so that each exists once: {@link io.coreswarm.testsupport.Await}
 * (poll until done, failing with the last value and the last error seen), {@link io.coreswarm.testsupport.FreePorts},
 * real etcd processes ({@link io.coreswarm.testsupport.EtcdProcess}, {@link io.coreswarm.testsupport.EtcdCluster}),
 * and the package-cycle check every module runs on its main code ({@link io.coreswarm.testsupport.PackageCycles}).
 * Main code never depends on this module.
 */
package io.coreswarm.testsupport;
