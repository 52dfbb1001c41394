# Rendered by coreswarm. Change the cluster spec, not this file.
$cluster_name = 'seed'

# Size of the CoreOS cluster created by Vagrant
$num_instances=5

# Official CoreOS channel from which updates should be downloaded
$update_channel='alpha'

# You can then use the docker tool locally by setting the following env var:
#   export DOCKER_HOST='tcp://127.0.0.1:2375'
$expose_docker_tcp=2375

# Customize VMs
$vm_memory = 1024
$vm_cpus = 1

# Nodes 1..$num_managers run the swarm manager as well as the agent (user-data);
# the others only the agent (user-data-worker).
$num_managers = 5
