package io.coreswarm.provisioner.clients;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;

import org.eclipse.microprofile.rest.client.ext.ClientHeadersFactory;

import io.coreswarm.api.auth.ApiToken;

/**
 * What the provisioner's REST clients send config-service and monitor-service: the API token, as
 * {@code Authorization: Bearer}. Register it on the client with
 * {@code @RegisterClientHeaders(ApiTokenHeaders.class)}; a CDI bean, so the token comes from
 * {@link ApiToken}.
 */
@ApplicationScoped
public class ApiTokenHeaders implements ClientHeadersFactory {
    private final ApiToken token;

    ApiTokenHeaders(ApiToken token) {
        this.token = token;
    }

    @Override
    public MultivaluedMap<String, String> update(MultivaluedMap<String, String> incoming,
            MultivaluedMap<String, String> outgoing) {
        MultivaluedMap<String, String> headers = new MultivaluedHashMap<>();
        headers.putSingle(HttpHeaders.AUTHORIZATION, token.authorizationHeader());
        return headers;
    }
}
