package io.coreswarm.provisioner.cluster;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.coreswarm.api.problem.ProblemException;
import io.coreswarm.api.render.Rendering;
import io.coreswarm.api.render.RenderingRequest;
import io.coreswarm.provisioner.clients.ConfigServiceClient;

/** Asks config-service for a cluster's files; its trouble becomes a 503 (down) or 502 (refused). */
@ApplicationScoped
public class Renderer {
    private final ConfigServiceClient config;

    Renderer(@RestClient ConfigServiceClient config) {
        this.config = config;
    }

    public Rendering render(RenderingRequest request) {
        try {
            return config.render(request);
        } catch (WebApplicationException e) {
            String detail = e.getResponse().hasEntity() ? e.getResponse().readEntity(String.class) : e.getMessage();
            throw new ProblemException(502, "Bad Gateway", "config-service refused the rendering ("
                    + e.getResponse().getStatus() + "): " + detail);
        } catch (ProcessingException e) {
            throw new ProblemException(503, "Service Unavailable", "config-service is unreachable: "
                    + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()));
        }
    }
}
