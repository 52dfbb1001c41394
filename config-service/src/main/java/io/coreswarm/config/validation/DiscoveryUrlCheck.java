package io.coreswarm.config.validation;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.nodes.MappingNode;

/**
 * coreos-cloudinit's {@code checkDiscoveryUrl}, for etcd2 as well as etcd: a discovery value that
 * is not an absolute http(s) URL is a warning (etcd would fail to bootstrap, but the rest applies).
 */
final class DiscoveryUrlCheck implements CloudConfigRule {
    /** Substituted by coreos-cloudinit from the metadata before etcd sees the URL. */
    private static final Pattern METADATA_VARIABLE = Pattern.compile("\\$(public|private)_ipv[46]");
    private static final List<String> ETCDS = List.of("etcd", "etcd2");

    @Override
    public void check(MappingNode document, Findings findings) {
        var coreos = YamlMappings.child(document, "coreos");
        for (String etcd : ETCDS) {
            coreos.flatMap(c -> YamlMappings.child(c, etcd))
                    .flatMap(e -> YamlMappings.scalar(e, "discovery"))
                    .filter(url -> !isHttpUrl(url.getValue()))
                    .ifPresent(url -> findings.warning(url, KeyPath.ROOT.key("coreos").key(etcd).key("discovery"),
                            "discovery URL is not valid: want an http(s) URL such as https://discovery.etcd.io/<token>, got "
                                    + Findings.quote(url.getValue())));
        }
    }

    static boolean isHttpUrl(String value) {
        String resolved = METADATA_VARIABLE.matcher(value).replaceAll("192.0.2.1");
        try {
            URI uri = new URI(resolved);
            return ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
