package io.coreswarm.config.render;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import io.coreswarm.api.render.RenderedFile;
import io.coreswarm.api.render.Rendering;
import io.coreswarm.api.render.RenderingRequest;
import io.coreswarm.api.spec.Target;

/** Chooses the renderer for a spec's target and gives it the cluster's discovery URL and subnet. */
@ApplicationScoped
public class RenderingService {
    private final Map<Target, TargetRenderer> renderers = new EnumMap<>(Target.class);

    RenderingService(Instance<TargetRenderer> all) {
        all.forEach(r -> renderers.put(r.target(), r));
    }

    /**
     * @param mintDiscoveryUrl called only when the request carries no discovery URL, with the
     *                         cluster size; coreos-vagrant fetched a new one on every {@code vagrant up}
     */
    public Rendering render(RenderingRequest request, java.util.function.IntFunction<String> mintDiscoveryUrl) {
        var spec = request.spec();
        Subnet subnet = request.subnet() != null ? Subnet.parse(request.subnet())
                : spec.target() == Target.LOCAL ? Subnet.derivedFrom(spec.name()) : Subnet.COREOS_VAGRANT;
        String discoveryUrl = request.discoveryUrl() != null ? request.discoveryUrl()
                : mintDiscoveryUrl.apply(spec.nodes());
        List<RenderedFile> files = renderers.get(spec.target()).render(new RenderContext(spec, discoveryUrl, subnet));
        return new Rendering(spec, discoveryUrl, subnet.cidr(), files);
    }
}
