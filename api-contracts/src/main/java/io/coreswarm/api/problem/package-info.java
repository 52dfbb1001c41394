/**
 * RFC 7807 problem details for every error of every service, the mappers that produce them and the body-size limit; shared so that all three services answer errors alike.
 */
package io.coreswarm.api.problem;
