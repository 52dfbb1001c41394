package io.coreswarm.config.render.coreos;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.coreswarm.api.render.RenderedFile;
import io.coreswarm.api.spec.ClusterSpec;
import io.coreswarm.api.spec.Provider;
import io.coreswarm.api.spec.Target;
import io.coreswarm.config.render.RenderContext;
import io.coreswarm.config.render.RubyLiteral;
import io.coreswarm.config.render.TargetRenderer;

/**
 * The seed's files: coreos-vagrant's Vagrantfile, a config.rb with the spec's values, and the
 * cloud-config user-data. CoreOS boxes and the classic swarm image are gone, so these are for
 * reading, validating and diffing, not for booting.
 *
 * <p>Without TLS (this target's default) the files are the seed's, byte for byte as before TLS
 * existed; the rendering's notes say the cluster is open. With {@code "tls": true} the cloud-config
 * points etcd2, dockerd and swarm at the node's TLS files, the Vagrantfile copies them from the
 * cluster's pki folder into each node, and config.rb says how to reach the cluster.
 */
@ApplicationScoped
public class CoreosLegacyRenderer implements TargetRenderer {

    @Override
    public Target target() {
        return Target.COREOS_LEGACY;
    }

    @Override
    public List<RenderedFile> render(RenderContext context) {
        ClusterSpec spec = context.spec();
        List<RenderedFile> files = new ArrayList<>();
        files.add(RenderedFile.of("Vagrantfile", CoreosVagrantfile.content(spec.tls())));
        files.add(RenderedFile.of("config.rb", configRb(spec)));
        files.add(RenderedFile.of("user-data", SeedCloudConfig.render(context.discoveryUrl(), true, spec.labels(), spec.tls())));
        if (spec.managers() < spec.nodes()) {
            files.add(RenderedFile.of("user-data-worker",
                    SeedCloudConfig.render(context.discoveryUrl(), false, spec.labels(), spec.tls())));
        }
        return files;
    }

    @Override
    public List<String> notes(RenderContext context) {
        return context.spec().tls() ? List.of("TLS: the Vagrantfile copies node core-NN's ca.pem, server.pem and server-key.pem"
                + " from $CORESWARM_PKI_DIR/nodes/core-NN (default: pki/ beside it) into /etc/coreswarm/tls; 'vagrant up'"
                + " stops when they are missing. Clients use the pki folder's client/ (DOCKER_CERT_PATH).") : List.of();
    }

    /** The lines the seed changed in config.rb.sample, with the spec's values. */
    static String configRb(ClusterSpec spec) {
        StringBuilder rb = new StringBuilder()
                .append("# Rendered by coreswarm. Change the cluster spec, not this file.\n")
                .append("$cluster_name = ").append(RubyLiteral.string(spec.name())).append('\n');
        if (spec.provider() == Provider.LIBVIRT) {
            rb.append("ENV['VAGRANT_DEFAULT_PROVIDER'] ||= 'libvirt'\n");
        }
        return rb.append("\n# Size of the CoreOS cluster created by Vagrant\n")
                .append("$num_instances=").append(RubyLiteral.integer(spec.nodes())).append('\n')
                .append("\n# Official CoreOS channel from which updates should be downloaded\n")
                .append("$update_channel=").append(RubyLiteral.string(spec.channel().id())).append('\n')
                .append("\n# You can then use the docker tool locally by setting the following env var:\n")
                .append("#   export DOCKER_HOST='tcp://127.0.0.1:").append(spec.dockerPort()).append("'\n")
                .append("$expose_docker_tcp=").append(RubyLiteral.integer(spec.dockerPort())).append('\n')
                .append("\n# Customize VMs\n")
                .append("$vm_memory = ").append(RubyLiteral.integer(spec.memory())).append('\n')
                .append("$vm_cpus = ").append(RubyLiteral.integer(spec.cpus())).append('\n')
                .append("\n# Nodes 1..$num_managers run the swarm manager as well as the agent (user-data);\n")
                .append("# the others only the agent (user-data-worker).\n")
                .append("$num_managers = ").append(RubyLiteral.integer(spec.managers())).append('\n')
                .append(spec.tls() ? TLS_LINES : "")
                .toString();
    }

    /** Only with TLS: without, config.rb stays as it was before TLS existed. */
    private static final String TLS_LINES = """

            # TLS ("tls": true): the engine (2376, --tlsverify), the swarm manager (2375, forwarded to
            # $expose_docker_tcp) and etcd2 (https, client certificates) take the cluster's CA:
            #   export DOCKER_TLS_VERIFY=1 DOCKER_CERT_PATH=<pki>/client
            # The Vagrantfile copies node NAME's files from <pki>/nodes/NAME; set CORESWARM_PKI_DIR=<pki>.
            """;
}
