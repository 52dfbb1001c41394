package io.coreswarm.config.render;

import io.coreswarm.api.spec.ClusterSpec;

/**
 * Everything a renderer needs: the spec with defaults filled in, the cluster's discovery URL
 * (minted once per cluster), and the /24 its nodes live on.
 */
public record RenderContext(ClusterSpec spec, String discoveryUrl, Subnet subnet) {

    /** Address of node {@code i} (1-based): .101, .102, ... as coreos-vagrant numbers them. */
    public String nodeAddress(int i) {
        return subnet.host(100 + i);
    }
}
