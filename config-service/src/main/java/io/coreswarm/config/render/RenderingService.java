package io.coreswarm.config.render;

import java.net.URI;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.core.UriBuilder;

import io.coreswarm.api.node.NodeLayout;
import io.coreswarm.api.render.Rendering;
import io.coreswarm.api.render.RenderingRequest;
import io.coreswarm.api.spec.ClusterSpec;
import io.coreswarm.api.spec.Target;
import io.coreswarm.config.discovery.DiscoveryService;

/** Chooses the renderer for a spec's target and gives it the cluster's discovery URL and subnet. */
@ApplicationScoped
public class RenderingService {
    private final Map<Target, TargetRenderer> renderers = new EnumMap<>(Target.class);

    private final DiscoveryService discovery;

    RenderingService(Instance<TargetRenderer> all, DiscoveryService discovery) {
        all.forEach(r -> renderers.put(r.target(), r));
        this.discovery = discovery;
    }

    /**
     * @param serviceUri how the caller reached this service; a discovery URL minted here (once per
     *                   rendering; coreos-vagrant fetched one on every {@code vagrant up}) lives under it,
     *                   once {@link DiscoveryService} has checked its host (never a hostile Host header)
     */
    public Rendering render(RenderingRequest request, URI serviceUri) {
        var spec = request.spec();
        Subnet subnet = request.subnet() != null ? Subnet.parse(request.subnet())
                : spec.target() == Target.LOCAL ? Subnet.derivedFrom(spec.name()) : Subnet.COREOS_VAGRANT;
        String discoveryUrl = request.discoveryUrl() != null ? request.discoveryUrl()
                : discovery.newTokenUrl(spec.nodes(), serviceUri, checked -> reachableFromNodes(checked, spec.target(), subnet));
        RenderContext context = new RenderContext(spec, discoveryUrl, subnet);
        List<Rendering.NodeAddress> nodes = IntStream.rangeClosed(1, spec.nodes())
                .mapToObj(i -> new Rendering.NodeAddress(ClusterSpec.nodeName(i), context.nodeAddress(i))).toList();
        TargetRenderer renderer = renderers.get(spec.target());
        List<String> notes = new ArrayList<>();
        if (!spec.tls()) {
            notes.add(openNote(spec));
        }
        notes.addAll(renderer.notes(context));
        return new Rendering(spec, discoveryUrl, subnet.cidr(), nodes, renderer.render(context), notes);
    }

    /** Said of every rendering without TLS, whatever its files can say. */
    static String openNote(ClusterSpec spec) {
        return "OPEN: \"tls\" is false. Every node's Docker API (TCP " + spec.dockerPort() + ") and etcd ("
                + NodeLayout.ETCD_CLIENT_PORT + ", " + NodeLayout.ETCD_PEER_PORT
                + ") serve anyone who reaches them, without TLS or authentication.";
    }

    /** Local nodes are containers on the cluster's bridge: they reach this host at its gateway. */
    private static URI reachableFromNodes(URI serviceUri, Target target, Subnet subnet) {
        return target == Target.LOCAL ? UriBuilder.fromUri(serviceUri).host(subnet.gateway()).build() : serviceUri;
    }
}
