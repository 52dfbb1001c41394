/**
 * What every service's OpenAPI document shares beyond the annotations of its own interfaces: the
 * bearer security scheme, problem+json bodies for error responses, and only the schemas the
 * service's operations use ({@link ContractFilter}, which each service names in
 * {@code mp.openapi.filter}).
 */
package io.coreswarm.api.openapi;
