# Rendered by coreswarm. Change the cluster spec, not this file.
$cluster_name = 'mixed'
ENV['VAGRANT_DEFAULT_PROVIDER'] ||= 'libvirt'

# Size of the CoreOS cluster created by Vagrant
$num_instances=4

# Official CoreOS channel from which updates should be downloaded
$update_channel='alpha'

# You can then use the docker tool locally by setting the following env var:
#   export DOCKER_HOST='tcp://127.0.0.1:2400'
$expose_docker_tcp=2400

# Customize VMs
$vm_memory = 2048
$vm_cpus = 2

# Nodes 1..$num_managers run the swarm manager as well as the agent (user-data);
# the others only the agent (user-data-worker).
$num_managers = 3
