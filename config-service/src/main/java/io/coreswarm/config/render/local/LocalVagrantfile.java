package io.coreswarm.config.render.local;

import java.util.LinkedHashMap;
import java.util.Map;

import io.coreswarm.api.node.NodeLayout;
import io.coreswarm.api.spec.ClusterSpec;
import io.coreswarm.config.render.RenderContext;
import io.coreswarm.config.render.RubyLiteral;

/**
 * The Vagrantfile of the local target. The spec's values are Ruby constants at the top, each a
 * literal; the body below them is fixed text, so no value can change what the file does.
 */
final class LocalVagrantfile {
    private LocalVagrantfile() {
    }

    static String render(RenderContext context) {
        ClusterSpec spec = context.spec();
        Map<String, String> constants = new LinkedHashMap<>();
        constants.put("CLUSTER", RubyLiteral.string(spec.name()));
        constants.put("NUM_INSTANCES", RubyLiteral.integer(spec.nodes()));
        constants.put("NUM_MANAGERS", RubyLiteral.integer(spec.managers()));
        constants.put("NETWORK", RubyLiteral.string(NodeLayout.networkName(spec.name())));
        constants.put("SUBNET", RubyLiteral.string(context.subnet().cidr()));
        constants.put("SUBNET_PREFIX", RubyLiteral.string(context.subnet().prefix()));
        constants.put("DISCOVERY_URL", RubyLiteral.string(context.discoveryUrl()));
        constants.put("DOCKER_PORT", RubyLiteral.integer(spec.dockerPort()));
        // with TLS each node mounts its folder of the cluster's PKI (written by the provisioner; keys
        // never pass through config-service) and start.sh runs dockerd and etcd with it
        constants.put("TLS", spec.tls() ? "true" : "false");
        constants.put("PKI_DIR_NAME", RubyLiteral.string(NodeLayout.PKI_DIR));
        constants.put("TLS_MOUNT", RubyLiteral.string(NodeLayout.TLS_MOUNT));
        // host:port of the cluster's registry on core-01, or empty: every node's dockerd trusts it
        constants.put("REGISTRY", RubyLiteral.string(spec.registry()
                ? NodeLayout.registryAddress(NodeLayout.address(context.subnet().prefix(), 1)) : ""));
        constants.put("MEMORY_MB", RubyLiteral.integer(spec.memory()));
        constants.put("CPUS", RubyLiteral.integer(spec.cpus()));
        constants.put("CLUSTER_LABEL", RubyLiteral.string(NodeLayout.CLUSTER_LABEL));
        constants.put("MACHINE_NAME_FORMAT", RubyLiteral.string(NodeLayout.MACHINE_NAME_FORMAT));
        constants.put("HOST_NUMBER_BASE", RubyLiteral.integer(NodeLayout.HOST_NUMBER_BASE));
        constants.put("NODE_DIR", RubyLiteral.string(NodeLayout.NODE_DIR));
        constants.put("NODE_MOUNT", RubyLiteral.string(NodeLayout.NODE_MOUNT));
        constants.put("DIND_CREATE_ARGS", NodeLayout.DIND_CREATE_ARGS.stream().map(RubyLiteral::string)
                .collect(java.util.stream.Collectors.joining(", ", "[", "]")));
        StringBuilder rb = new StringBuilder(HEADER);
        constants.forEach((k, v) -> rb.append(k).append(" = ").append(v).append('\n'));
        return rb.append("ENV['VAGRANT_DEFAULT_PROVIDER'] ||= 'docker'\n")
                .append("NODE_IMAGE = ENV.fetch('CORESWARM_NODE_IMAGE', ").append(RubyLiteral.string(NodeLayout.NODE_IMAGE)).append(")\n")
                // the provisioner sets it when it runs vagrant; by hand, the workspace's pki/ beside machines/
                .append("PKI_DIR = ENV.fetch('CORESWARM_PKI_DIR', File.join(__dir__, '..', PKI_DIR_NAME))\n")
                .append(BODY).toString();
    }

    private static final String HEADER = """
            # -*- mode: ruby -*-
            # vi: set ft=ruby :
            # Rendered by coreswarm for Vagrant's docker provider: every node is a container of the
            # node image running etcd (bootstrapped through the cluster's discovery URL) and dockerd,
            # on a docker network of the cluster's own. Change the cluster spec, not this file.

            """;

    private static final String BODY = """

            # Docker in Docker without --privileged, which some sandboxes refuse ("unable to apply
            # caps"): DIND_CREATE_ARGS (NodeLayout's) give every capability but SYS_RESOURCE, no
            # seccomp/apparmor confinement, all devices, a volume for /var/lib/docker so that overlay2
            # works inside the node, and a cgroup namespace of its own, where start.sh mounts the
            # node's cgroups read-write for its dockerd.
            NODE_CREATE_ARGS = DIND_CREATE_ARGS + [
              '--memory', "#{MEMORY_MB}m", '--cpus', CPUS.to_s,
              '--label', "#{CLUSTER_LABEL}=#{CLUSTER}", '--network', NETWORK,
            ]

            # The resolvers a node's containers use: the host's own, found as Docker finds them
            # (/etc/resolv.conf, or systemd-resolved's upstream list when that names only a loopback
            # stub). A node sees only Docker's embedded 127.0.0.11, which its own dockerd cannot hand
            # on, and without this it would send its containers' lookups to public resolvers.
            def host_resolvers
              ['/etc/resolv.conf', '/run/systemd/resolve/resolv.conf'].each do |file|
                next unless File.readable?(file)
                servers = File.readlines(file).filter_map { |l| l[/\\A\\s*nameserver\\s+([0-9A-Fa-f.:]+)/, 1] }
                                               .reject { |s| s.start_with?('127.') || s == '::1' }
                return servers unless servers.empty?
              end
              []
            end
            NODE_DNS = host_resolvers.join(',')

            def docker_quiet(*args)
              system('docker', *args, out: File::NULL, err: File::NULL)
            end

            # Nodes get fixed addresses on a network of the cluster's own, never on docker0. With
            # --parallel every node runs this trigger at once: the lock makes one of them create it,
            # and the others, once it is there, go on without asking docker again (each docker call
            # held every other node's start up by about 0.1 s). When the create fails, the network may
            # have been made meanwhile by another process (coreswarm makes it while Vagrant starts):
            # it is looked for once more before that counts as an error.
            NETWORK_LOCK = Mutex.new
            NETWORK_READY = []
            def ensure_network
              NETWORK_LOCK.synchronize do
                next unless NETWORK_READY.empty?
                unless docker_quiet('network', 'inspect', NETWORK) ||
                       docker_quiet('network', 'create', '--subnet', SUBNET, '--label', "#{CLUSTER_LABEL}=#{CLUSTER}", NETWORK) ||
                       docker_quiet('network', 'inspect', NETWORK)
                  raise Vagrant::Errors::VagrantError.new, "cannot create docker network #{NETWORK} on #{SUBNET}: is the subnet taken?"
                end
                NETWORK_READY << NETWORK
              end
            end

            Vagrant.configure('2') do |config|
              config.vm.synced_folder '.', '/vagrant', disabled: true
              # nodes have no sshd: publish no host port for it
              config.vm.network :forwarded_port, id: 'ssh', guest: 22, host: 2222, disabled: true

              config.trigger.before :up do |t|
                t.ruby { |_env, _machine| ensure_network }
              end
              # succeeds once the last node is gone
              config.trigger.after :destroy do |t|
                t.ruby { |_env, _machine| docker_quiet('network', 'rm', NETWORK) }
              end

              (1..NUM_INSTANCES).each do |i|
                name = format(MACHINE_NAME_FORMAT, i)
                ip = "#{SUBNET_PREFIX}.#{HOST_NUMBER_BASE + i}"
                config.vm.define name do |node|
                  node.vm.provider :docker do |d|
                    d.name = "#{CLUSTER}-#{name}"
                    d.image = NODE_IMAGE
                    d.has_ssh = false
                    d.remains_running = true
                    d.volumes = ["#{File.join(__dir__, NODE_DIR)}:#{NODE_MOUNT}:ro"]
                    # a folder, not its files: a file bind mount would pin the inode it was made with and
                    # never see a regenerated certificate (the PKI renames new files into place)
                    d.volumes << "#{File.expand_path(File.join(PKI_DIR, 'nodes', name))}:#{TLS_MOUNT}:ro" if TLS
                    d.create_args = NODE_CREATE_ARGS + ['--ip', ip, '--hostname', name]
                    d.env = {
                      'NODE_NAME' => name,
                      'NODE_IP' => ip,
                      'NODE_DNS' => NODE_DNS,
                      'NODE_ROLE' => i <= NUM_MANAGERS ? 'manager' : 'worker',
                      'DISCOVERY_URL' => DISCOVERY_URL,
                      'DOCKER_PORT' => DOCKER_PORT.to_s,
                      'NODE_TLS' => TLS ? TLS_MOUNT : '',
                      'NODE_REGISTRY' => REGISTRY,
                    }
                    d.cmd = ['/bin/bash', "#{NODE_MOUNT}/start.sh"]
                  end
                end
              end
            end
            """;
}
