package io.coreswarm.config.render.flatcar;

import java.util.LinkedHashMap;
import java.util.Map;

import io.coreswarm.api.render.RenderedFile;
import io.coreswarm.api.spec.ClusterSpec;
import io.coreswarm.api.spec.Provider;
import io.coreswarm.config.render.RenderContext;
import io.coreswarm.config.render.RubyLiteral;

/**
 * The {@code Vagrantfile} and {@code config.rb} of a Flatcar cluster, in coreos-vagrant's split: the
 * Vagrantfile is fixed Ruby, every value of the spec sits in config.rb as a {@link RubyLiteral}
 * (never in a comment, where a newline would end it).
 */
final class FlatcarVagrantFiles {

    static final String IGNITION_DIR = "flatcar";

    private FlatcarVagrantFiles() {
    }

    static String boxName(ClusterSpec spec) {
        return "flatcar-" + spec.channel().id();
    }

    /** Flatcar's Vagrant box, as its docs name it; "current" follows the channel. */
    static String boxUrl(ClusterSpec spec) {
        return "https://" + spec.channel().id()
                + ".release.flatcar-linux.net/amd64-usr/current/flatcar_production_vagrant.box";
    }

    static RenderedFile configRb(RenderContext context) {
        ClusterSpec spec = context.spec();
        Map<String, String> nodes = new LinkedHashMap<>();
        for (int i = 1; i <= spec.nodes(); i++) {
            nodes.put(ClusterSpec.nodeName(i), context.nodeAddress(i));
        }
        String box = spec.provider() == Provider.VIRTUALBOX
                ? """
                  # Flatcar's Vagrant box of the channel.
                  $box = %s
                  $box_url = %s
                  """.formatted(RubyLiteral.string(boxName(spec)), RubyLiteral.string(boxUrl(spec)))
                : """
                  # Flatcar publishes its Vagrant box for VirtualBox only: add a box for this provider
                  # under this name first (for example converted with vagrant-mutate).
                  $box = %s
                  $box_url = nil
                  """.formatted(RubyLiteral.string(boxName(spec)));
        return RenderedFile.of("config.rb", """
                # Rendered by coreswarm for the flatcar target; the Vagrantfile next to this file reads it.
                # Every value below is a Ruby literal. Names follow coreos-vagrant's config.rb.

                $cluster_name = %s
                $update_channel = %s
                $provider = %s

                %s
                $vm_memory = %s
                $vm_cpus = %s

                # Node i's Docker API (guest port $expose_docker_tcp) is forwarded to
                # 127.0.0.1:($expose_docker_tcp + i - 1), as coreos-vagrant does.
                %s
                $expose_docker_tcp = %s

                # Machine name => address on the private network.
                $nodes = %s
                """.formatted(
                RubyLiteral.string(spec.name()),
                RubyLiteral.string(spec.channel().id()),
                RubyLiteral.string(spec.provider().id()),
                box.strip(),
                RubyLiteral.integer(spec.memory()),
                RubyLiteral.integer(spec.cpus()),
                tlsComment(spec.tls()),
                RubyLiteral.integer(spec.dockerPort()),
                RubyLiteral.stringHash(nodes, "")));
    }

    private static String tlsComment(boolean tls) {
        return tls ? """
                # TLS: dockerd (--tlsverify) and etcd (https, client certificates) take the cluster's client
                # certificate: DOCKER_TLS_VERIFY=1 DOCKER_CERT_PATH=<pki>/client. Each node needs its files from
                # <pki>/nodes/NAME in its Ignition config (see the comment atop flatcar/NAME.bu)."""
                .strip()
                : """
                # OPEN: "tls" is false. Every node's Docker API and etcd (2379, 2380) serve anyone who reaches
                # them, without TLS or authentication."""
                .strip();
    }

    static RenderedFile vagrantfile() {
        return RenderedFile.of("Vagrantfile", """
                # -*- mode: ruby -*-
                # vi: set ft=ruby :
                #
                # Rendered by coreswarm for the flatcar target. The cluster's values live in config.rb;
                # node NAME boots with the Ignition config %1$s/NAME.ign, compiled from %1$s/NAME.bu.

                Vagrant.require_version '>= 2.2.5'

                require_relative 'config.rb'

                # `vagrant up` without --provider uses the spec's provider.
                ENV['VAGRANT_DEFAULT_PROVIDER'] ||= $provider

                Vagrant.configure('2') do |config|
                  config.vm.box = $box
                  config.vm.box_url = $box_url if $box_url
                  config.ssh.username = 'core'
                  # Flatcar has no guest additions, hence no vboxsf shared folder.
                  config.vm.synced_folder '.', '/vagrant', disabled: true

                  $nodes.each.with_index(1) do |(vm_name, ip), i|
                    ignition = File.expand_path(File.join('%1$s', "#{vm_name}.ign"), __dir__)

                    config.vm.define vm_name do |node|
                      node.vm.network :private_network, ip: ip
                      node.vm.network :forwarded_port, guest: $expose_docker_tcp, host: $expose_docker_tcp + i - 1,
                                                       host_ip: '127.0.0.1', auto_correct: true

                      node.vm.provider :virtualbox do |vb|
                        vb.memory = $vm_memory
                        vb.cpus = $vm_cpus
                        vb.check_guest_additions = false
                        vb.functional_vboxsf = false
                        # Ignition's VirtualBox provider reads its config from this guest property; Flatcar's
                        # own box passes config.ign the same way. VirtualBox 7.2 caps the value at 1 KiB
                        # (coreos/ignition#2226), earlier releases take far more.
                        vb.customize ['guestproperty', 'set', :id, '/Ignition/Config', File.read(ignition)]
                      end

                      node.vm.provider :libvirt do |lv|
                        lv.memory = $vm_memory
                        lv.cpus = $vm_cpus
                        # Ignition's QEMU provider reads its config from this fw_cfg entry. QEMU splits option
                        # values at ',' unless doubled; the file must be readable by the QEMU process.
                        lv.qemuargs value: '-fw_cfg'
                        lv.qemuargs value: "name=opt/org.flatcar-linux/config,file=#{ignition.gsub(',', ',,')}"
                      end
                    end
                  end
                end
                """.formatted(IGNITION_DIR));
    }
}
