package io.coreswarm.cli.client;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;

/** Sends {@code Authorization: Bearer <token>} on every call of a client. */
final class BearerToken implements ClientRequestFilter {
    private final ApiToken token;

    BearerToken(ApiToken token) {
        this.token = token;
    }

    @Override
    public void filter(ClientRequestContext request) {
        request.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, token.authorization());
    }
}
