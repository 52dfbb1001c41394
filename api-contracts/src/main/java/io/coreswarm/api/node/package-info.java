/** Where things are on a coreswarm node: ports, names, addresses, files, labels, container flags. */
package io.coreswarm.api.node;
