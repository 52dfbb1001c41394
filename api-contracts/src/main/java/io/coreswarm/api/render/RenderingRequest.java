package io.coreswarm.api.render;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import io.coreswarm.api.spec.ClusterSpec;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A spec to render, for the target the spec names.
 *
 * @param discoveryUrl the cluster's etcd discovery token URL; when omitted config-service mints one
 *                     (once per rendering, never on each {@code vagrant up} as coreos-vagrant did)
 * @param subnet       the /24 the local target's nodes live on; when omitted one is derived from the name
 */
public record RenderingRequest(
        @NotNull(message = "must be given") @Valid ClusterSpec spec,
        @Pattern(regexp = "https?://[A-Za-z0-9.\\[\\]:-]+(:[0-9]{1,5})?(/[A-Za-z0-9._~/-]*)?",
                message = "must be an http(s) URL without query, quotes or spaces")
        @Schema(example = "http://10.0.0.1:8081/v1/discovery/6c007a14875d53d9bf0ef5a6fc0257c8")
        String discoveryUrl,
        @Pattern(regexp = "(25[0-5]|2[0-4][0-9]|1?[0-9]{1,2})\\.(25[0-5]|2[0-4][0-9]|1?[0-9]{1,2})\\.(25[0-5]|2[0-4][0-9]|1?[0-9]{1,2})\\.0/24",
                message = "must be an IPv4 /24 such as 172.29.7.0/24")
        String subnet) {
}
