package io.coreswarm.config.render;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;

import io.coreswarm.api.render.Rendering;
import io.coreswarm.api.render.RenderingApi;
import io.coreswarm.api.render.RenderingRequest;

public class RenderingResource implements RenderingApi {
    private final RenderingService renderings;

    @Context
    UriInfo uri;

    RenderingResource(RenderingService renderings) {
        this.renderings = renderings;
    }

    @Override
    public Rendering render(RenderingRequest body) {
        return renderings.render(body, uri.getBaseUri());
    }
}
