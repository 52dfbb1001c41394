/**
 * Rendering a spec: picks the {@link io.coreswarm.config.render.TargetRenderer} for the spec's target and owns what the targets share (the render context, subnets, Ruby literals, YAML trees, the tar writer).
 */
package io.coreswarm.config.render;
