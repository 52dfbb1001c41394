/**
 * The cluster spec, the single input of coreswarm: its fields, defaults (the seed's values) and rules, and the closed sets it chooses from (target, provider, channel).
 */
package io.coreswarm.api.spec;
