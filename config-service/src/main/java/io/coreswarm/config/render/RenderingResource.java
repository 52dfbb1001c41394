package io.coreswarm.config.render;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;

import io.coreswarm.api.render.Rendering;
import io.coreswarm.api.render.RenderingApi;
import io.coreswarm.api.render.RenderingRequest;
import io.coreswarm.config.discovery.DiscoveryService;

public class RenderingResource implements RenderingApi {
    private final RenderingService renderings;
    private final DiscoveryService discovery;

    @Context
    UriInfo uri;

    RenderingResource(RenderingService renderings, DiscoveryService discovery) {
        this.renderings = renderings;
        this.discovery = discovery;
    }

    @Override
    public Rendering render(RenderingRequest body) {
        return renderings.render(body, size -> discovery.newTokenUrl(size, uri.getBaseUri()));
    }
}
