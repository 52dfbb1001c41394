/**
 * The three services as MicroProfile REST clients of the api-contracts interfaces
 * ({@link io.coreswarm.cli.client.Services}): where they are ({@link io.coreswarm.cli.client.ServiceOptions}),
 * the API token on every call ({@link io.coreswarm.cli.client.BearerToken}), and error answers turned
 * into failures from their problem+json ({@link io.coreswarm.cli.client.ProblemResponses}).
 */
package io.coreswarm.cli.client;
