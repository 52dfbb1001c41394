package io.coreswarm.monitor;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * docker-java reads the Engine API's JSON into its model classes with Jackson, by reflection: a
 * native image must keep them. These are the model types reachable from what monitor-service
 * reads ({@code Info}, {@code SwarmNode}, {@code Task}), enums included (their constants carry
 * {@code @JsonProperty}). jetcd speaks protobuf and needs no such registration.
 */
@RegisterForReflection(classNames = {
        "com.github.dockerjava.api.model.BindOptions",
        "com.github.dockerjava.api.model.BindPropagation",
        "com.github.dockerjava.api.model.ClusterInfo",
        "com.github.dockerjava.api.model.ContainerDNSConfig",
        "com.github.dockerjava.api.model.ContainerSpec",
        "com.github.dockerjava.api.model.ContainerSpecConfig",
        "com.github.dockerjava.api.model.ContainerSpecFile",
        "com.github.dockerjava.api.model.ContainerSpecPrivileges",
        "com.github.dockerjava.api.model.ContainerSpecPrivilegesCredential",
        "com.github.dockerjava.api.model.ContainerSpecPrivilegesSELinuxContext",
        "com.github.dockerjava.api.model.ContainerSpecSecret",
        "com.github.dockerjava.api.model.DockerObject",
        "com.github.dockerjava.api.model.Driver",
        "com.github.dockerjava.api.model.ExternalCA",
        "com.github.dockerjava.api.model.ExternalCAProtocol",
        "com.github.dockerjava.api.model.GenericResource",
        "com.github.dockerjava.api.model.HealthCheck",
        "com.github.dockerjava.api.model.ImageOptions",
        "com.github.dockerjava.api.model.Info",
        "com.github.dockerjava.api.model.InfoRegistryConfig",
        "com.github.dockerjava.api.model.InfoRegistryConfig$IndexConfig",
        "com.github.dockerjava.api.model.LocalNodeState",
        "com.github.dockerjava.api.model.Mount",
        "com.github.dockerjava.api.model.MountType",
        "com.github.dockerjava.api.model.NetworkAttachmentConfig",
        "com.github.dockerjava.api.model.ObjectVersion",
        "com.github.dockerjava.api.model.PeerNode",
        "com.github.dockerjava.api.model.Reachability",
        "com.github.dockerjava.api.model.ResourceRequirements",
        "com.github.dockerjava.api.model.ResourceSpecs",
        "com.github.dockerjava.api.model.ResourceVersion",
        "com.github.dockerjava.api.model.RuntimeInfo",
        "com.github.dockerjava.api.model.ServicePlacement",
        "com.github.dockerjava.api.model.ServiceRestartCondition",
        "com.github.dockerjava.api.model.ServiceRestartPolicy",
        "com.github.dockerjava.api.model.SwarmCAConfig",
        "com.github.dockerjava.api.model.SwarmDispatcherConfig",
        "com.github.dockerjava.api.model.SwarmInfo",
        "com.github.dockerjava.api.model.SwarmNode",
        "com.github.dockerjava.api.model.SwarmNodeAvailability",
        "com.github.dockerjava.api.model.SwarmNodeDescription",
        "com.github.dockerjava.api.model.SwarmNodeEngineDescription",
        "com.github.dockerjava.api.model.SwarmNodeManagerStatus",
        "com.github.dockerjava.api.model.SwarmNodePlatform",
        "com.github.dockerjava.api.model.SwarmNodePluginDescription",
        "com.github.dockerjava.api.model.SwarmNodeResources",
        "com.github.dockerjava.api.model.SwarmNodeRole",
        "com.github.dockerjava.api.model.SwarmNodeSpec",
        "com.github.dockerjava.api.model.SwarmNodeState",
        "com.github.dockerjava.api.model.SwarmNodeStatus",
        "com.github.dockerjava.api.model.SwarmOrchestration",
        "com.github.dockerjava.api.model.SwarmRaftConfig",
        "com.github.dockerjava.api.model.SwarmSpec",
        "com.github.dockerjava.api.model.Task",
        "com.github.dockerjava.api.model.TaskDefaults",
        "com.github.dockerjava.api.model.TaskSpec",
        "com.github.dockerjava.api.model.TaskState",
        "com.github.dockerjava.api.model.TaskStatus",
        "com.github.dockerjava.api.model.TaskStatusContainerStatus",
        "com.github.dockerjava.api.model.TmpfsOptions",
        "com.github.dockerjava.api.model.VolumeOptions" })
final class NativeReflection {
    private NativeReflection() {
    }
}
