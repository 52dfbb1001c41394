package io.coreswarm.config.discovery;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import io.coreswarm.api.discovery.DiscoveryApi;

/** Answers protocol outcomes in etcd's own error shape, which etcd's discovery client parses. */
@Provider
public class EtcdExceptionMapper implements ExceptionMapper<EtcdException> {
    @Override
    public Response toResponse(EtcdException e) {
        return Response.status(e.status())
                .type(MediaType.APPLICATION_JSON)
                .header(DiscoveryApi.ETCD_INDEX, e.error().index())
                .entity(e.error())
                .build();
    }
}
