package io.coreswarm.config.render.coreos;

import io.coreswarm.config.render.NodeTlsFiles;

/**
 * coreos-vagrant's Vagrantfile (2016), as the seed used it, with two changes: it never fetches a
 * discovery token (user-data carries the one minted for the cluster, so a second {@code vagrant up}
 * no longer breaks etcd membership), and nodes past {@code $num_managers} get {@code user-data-worker}.
 * It holds no value of the spec: those are all in config.rb.
 */
final class CoreosVagrantfile {
    private CoreosVagrantfile() {
    }

    /** Without TLS, {@link #CONTENT} itself; with TLS, it also copies each node's TLS files in. */
    static String content(boolean tls) {
        return tls ? WITH_TLS : CONTENT;
    }

    static final String CONTENT = """
            # -*- mode: ruby -*-
            # vi: set ft=ruby :
            # Rendered by coreswarm from coreos-vagrant's Vagrantfile. Settings live in config.rb.

            require 'fileutils'

            Vagrant.require_version ">= 1.6.0"

            CLOUD_CONFIG_PATH = File.join(File.dirname(__FILE__), "user-data")
            WORKER_CLOUD_CONFIG_PATH = File.join(File.dirname(__FILE__), "user-data-worker")
            CONFIG = File.join(File.dirname(__FILE__), "config.rb")

            # Defaults for config options defined in CONFIG
            $num_instances = 1
            $instance_name_prefix = "core"
            $update_channel = "alpha"
            $image_version = "current"
            $enable_serial_logging = false
            $share_home = false
            $vm_gui = false
            $vm_memory = 1024
            $vm_cpus = 1
            $vb_cpuexecutioncap = 100
            $shared_folders = {}
            $forwarded_ports = {}
            $num_managers = nil

            if File.exist?(CONFIG)
              require CONFIG
            end

            $num_managers ||= $num_instances

            Vagrant.configure("2") do |config|
              # always use Vagrant's insecure key
              config.ssh.insert_key = false
              # forward ssh agent to easily ssh into the different machines
              config.ssh.forward_agent = true

              config.vm.box = "coreos-%s" % $update_channel
              if $image_version != "current"
                config.vm.box_version = $image_version
              end
              config.vm.box_url = "https://%s.release.core-os.net/amd64-usr/%s/coreos_production_vagrant.json" % [$update_channel, $image_version]

              config.vm.provider :virtualbox do |v|
                # On VirtualBox, we don't have guest additions or a functional vboxsf
                # in CoreOS, so tell Vagrant that so it can be smarter.
                v.check_guest_additions = false
                v.functional_vboxsf     = false
              end

              # plugin conflict
              if Vagrant.has_plugin?("vagrant-vbguest") then
                config.vbguest.auto_update = false
              end

              (1..$num_instances).each do |i|
                config.vm.define vm_name = "%s-%02d" % [$instance_name_prefix, i] do |config|
                  config.vm.hostname = vm_name

                  if $enable_serial_logging
                    logdir = File.join(File.dirname(__FILE__), "log")
                    FileUtils.mkdir_p(logdir)

                    serialFile = File.join(logdir, "%s-serial.txt" % vm_name)
                    FileUtils.touch(serialFile)

                    config.vm.provider :virtualbox do |vb, override|
                      vb.customize ["modifyvm", :id, "--uart1", "0x3F8", "4"]
                      vb.customize ["modifyvm", :id, "--uartmode1", serialFile]
                    end
                  end

                  if $expose_docker_tcp
                    config.vm.network "forwarded_port", guest: 2375, host: ($expose_docker_tcp + i - 1), host_ip: "127.0.0.1", auto_correct: true
                  end

                  $forwarded_ports.each do |guest, host|
                    config.vm.network "forwarded_port", guest: guest, host: host, auto_correct: true
                  end

                  config.vm.provider :virtualbox do |vb|
                    vb.gui = $vm_gui
                    vb.memory = $vm_memory
                    vb.cpus = $vm_cpus
                    vb.customize ["modifyvm", :id, "--cpuexecutioncap", "#{$vb_cpuexecutioncap}"]
                  end

                  config.vm.provider :libvirt do |lv|
                    lv.memory = $vm_memory
                    lv.cpus = $vm_cpus
                  end

                  ip = "172.17.8.#{i+100}"
                  config.vm.network :private_network, ip: ip

                  $shared_folders.each_with_index do |(host_folder, guest_folder), index|
                    config.vm.synced_folder host_folder.to_s, guest_folder.to_s, id: "core-share%02d" % index, nfs: true, mount_options: ['nolock,vers=3,udp']
                  end

                  if $share_home
                    config.vm.synced_folder ENV['HOME'], ENV['HOME'], id: "home", :nfs => true, :mount_options => ['nolock,vers=3,udp']
                  end

                  user_data = i <= $num_managers ? CLOUD_CONFIG_PATH : WORKER_CLOUD_CONFIG_PATH
                  if File.exist?(user_data)
                    config.vm.provision :file, :source => "#{user_data}", :destination => "/tmp/vagrantfile-user-data"
                    config.vm.provision :shell, :inline => "mv /tmp/vagrantfile-user-data /var/lib/coreos-vagrant/", :privileged => true
                  end
                end
              end
            end
            """;

    private static final String CONFIG_LOADED = """
              require CONFIG
            end
            """;

    private static final String USER_DATA = """
                  user_data = i <= $num_managers ? CLOUD_CONFIG_PATH : WORKER_CLOUD_CONFIG_PATH
            """;

    /**
     * The TLS files come from the cluster's pki folder ({@code nodes/core-01/ca.pem, server.pem,
     * server-key.pem}, the pki module's layout): {@code CORESWARM_PKI_DIR}, else {@code pki/} beside the
     * Vagrantfile. They reach the node as coreos-vagrant's user-data does (a file upload, then a
     * privileged move) and before it, so they are in place when cloud-config starts etcd2 and docker.
     * The key ends 0600 owned by etcd (etcd2 runs as that user; dockerd and the swarm containers as root).
     */
    static final String WITH_TLS = insertAfter(insertBefore(CONTENT, USER_DATA, """
                  # TLS: this node's files from the cluster's pki folder, in place before cloud-config runs.
                  # Vagrant checks a file provisioner's source on every command: without the folder only
                  # up/provision/reload need it, and those stopped above.
                  tls_dir = File.join($pki_dir, "nodes", vm_name)
                  if File.directory?(tls_dir)
                    config.vm.provision :file, :source => tls_dir, :destination => "/tmp/coreswarm-tls"
                    config.vm.provision :shell, :privileged => true, :inline => <<-SHELL
                      set -e
                      install -d -m 0755 %1$s
                      install -m 0644 /tmp/coreswarm-tls/%2$s /tmp/coreswarm-tls/%3$s %1$s/
                      install -m 0600 -o etcd -g etcd /tmp/coreswarm-tls/%4$s %1$s/
                      rm -rf /tmp/coreswarm-tls
                    SHELL
                  end

            """.formatted(NodeTlsFiles.DIR, NodeTlsFiles.CA, NodeTlsFiles.CERT, NodeTlsFiles.KEY)), CONFIG_LOADED, """

            # TLS ("tls": true): dockerd, the swarm manager and etcd2 take the cluster's certificates. Node NAME's
            # files are read from $pki_dir/nodes/NAME (%2$s, %3$s, %4$s): the cluster's pki folder, from
            # CORESWARM_PKI_DIR, else pki/ beside this file. Missing files stop 'up', 'provision' and 'reload'.
            $pki_dir = ENV.fetch("CORESWARM_PKI_DIR", File.join(File.dirname(__FILE__), "pki"))
            if (ARGV & ["up", "provision", "reload"]).any?
              (1..$num_instances).each do |i|
                dir = File.join($pki_dir, "nodes", "%%s-%%02d" %% [$instance_name_prefix, i])
                missing = ["%2$s", "%3$s", "%4$s"].reject { |f| File.file?(File.join(dir, f)) }
                abort "coreswarm: no #{missing.join(', ')} in #{dir}: set CORESWARM_PKI_DIR to the cluster's pki folder" unless missing.empty?
              end
            end
            """.formatted(NodeTlsFiles.DIR, NodeTlsFiles.CA, NodeTlsFiles.CERT, NodeTlsFiles.KEY));

    private static String insertBefore(String text, String marker, String insert) {
        int at = text.indexOf(marker);
        if (at < 0 || text.indexOf(marker, at + 1) >= 0) {
            throw new IllegalStateException("the Vagrantfile has no single line " + marker.strip());
        }
        return text.substring(0, at) + insert + text.substring(at);
    }

    private static String insertAfter(String text, String marker, String insert) {
        int at = text.indexOf(marker);
        if (at < 0 || text.indexOf(marker, at + 1) >= 0) {
            throw new IllegalStateException("the Vagrantfile has no single block " + marker.strip());
        }
        return text.substring(0, at + marker.length()) + insert + text.substring(at + marker.length());
    }
}
