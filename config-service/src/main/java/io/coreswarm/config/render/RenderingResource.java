package io.coreswarm.config.render;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;

import io.coreswarm.api.render.Rendering;
import io.coreswarm.api.render.RenderingApi;
import io.coreswarm.api.render.RenderingRequest;
import io.coreswarm.config.metrics.RequestMetrics;

public class RenderingResource implements RenderingApi {
    private final RenderingService renderings;
    private final RequestMetrics metrics;

    @Context
    UriInfo uri;

    RenderingResource(RenderingService renderings, RequestMetrics metrics) {
        this.renderings = renderings;
        this.metrics = metrics;
    }

    @Override
    public Rendering render(RenderingRequest body) {
        Object target = body == null || body.spec() == null ? null : body.spec().target();
        try {
            Rendering rendering = renderings.render(body, uri.getBaseUri());
            metrics.rendered(target, RequestMetrics.Outcome.OK);
            return rendering;
        } catch (RuntimeException e) {
            metrics.rendered(target, RequestMetrics.Outcome.REFUSED);
            throw e;
        }
    }
}
