/**
 * Helpers the tests of every module share, so that each exists once: {@link io.coreswarm.testsupport.Await}
 * (poll until done, failing with the last value and the last error seen), {@link io.coreswarm.testsupport.FreePorts},
 * real etcd processes ({@link io.coreswarm.testsupport.EtcdProcess}, {@link io.coreswarm.testsupport.EtcdCluster}),
 * the package-cycle check every module runs on its main code ({@link io.coreswarm.testsupport.PackageCycles}),
 * and the tests' API token ({@link io.coreswarm.testsupport.TestApiToken}), which rest-assured sends by default
 * ({@link io.coreswarm.testsupport.RestAssuredBearerToken}, registered with JUnit by this module alone).
 * Main code never depends on this module.
 */
package io.coreswarm.testsupport;
