package io.coreswarm.docker;

import com.github.dockerjava.api.model.BindOptions;
import com.github.dockerjava.api.model.BindPropagation;
import com.github.dockerjava.api.model.ClusterInfo;
import com.github.dockerjava.api.model.ContainerDNSConfig;
import com.github.dockerjava.api.model.ContainerSpec;
import com.github.dockerjava.api.model.ContainerSpecConfig;
import com.github.dockerjava.api.model.ContainerSpecFile;
import com.github.dockerjava.api.model.ContainerSpecPrivileges;
import com.github.dockerjava.api.model.ContainerSpecPrivilegesCredential;
import com.github.dockerjava.api.model.ContainerSpecPrivilegesSELinuxContext;
import com.github.dockerjava.api.model.ContainerSpecSecret;
import com.github.dockerjava.api.model.DockerObject;
import com.github.dockerjava.api.model.Driver;
import com.github.dockerjava.api.model.EndpointSpec;
import com.github.dockerjava.api.model.ExternalCA;
import com.github.dockerjava.api.model.ExternalCAProtocol;
import com.github.dockerjava.api.model.GenericResource;
import com.github.dockerjava.api.model.HealthCheck;
import com.github.dockerjava.api.model.ImageOptions;
import com.github.dockerjava.api.model.Info;
import com.github.dockerjava.api.model.InfoRegistryConfig;
import com.github.dockerjava.api.model.LocalNodeState;
import com.github.dockerjava.api.model.Mount;
import com.github.dockerjava.api.model.MountType;
import com.github.dockerjava.api.model.Network;
import com.github.dockerjava.api.model.NetworkAttachmentConfig;
import com.github.dockerjava.api.model.ObjectVersion;
import com.github.dockerjava.api.model.PeerNode;
import com.github.dockerjava.api.model.Reachability;
import com.github.dockerjava.api.model.ResourceRequirements;
import com.github.dockerjava.api.model.ResourceSpecs;
import com.github.dockerjava.api.model.ResourceVersion;
import com.github.dockerjava.api.model.RuntimeInfo;
import com.github.dockerjava.api.model.Service;
import com.github.dockerjava.api.model.ServiceGlobalModeOptions;
import com.github.dockerjava.api.model.ServiceModeConfig;
import com.github.dockerjava.api.model.ServicePlacement;
import com.github.dockerjava.api.model.ServiceRestartCondition;
import com.github.dockerjava.api.model.ServiceRestartPolicy;
import com.github.dockerjava.api.model.ServiceSpec;
import com.github.dockerjava.api.model.Swarm;
import com.github.dockerjava.api.model.SwarmCAConfig;
import com.github.dockerjava.api.model.SwarmDispatcherConfig;
import com.github.dockerjava.api.model.SwarmInfo;
import com.github.dockerjava.api.model.SwarmJoinTokens;
import com.github.dockerjava.api.model.SwarmNode;
import com.github.dockerjava.api.model.SwarmNodeAvailability;
import com.github.dockerjava.api.model.SwarmNodeDescription;
import com.github.dockerjava.api.model.SwarmNodeEngineDescription;
import com.github.dockerjava.api.model.SwarmNodeManagerStatus;
import com.github.dockerjava.api.model.SwarmNodePlatform;
import com.github.dockerjava.api.model.SwarmNodePluginDescription;
import com.github.dockerjava.api.model.SwarmNodeResources;
import com.github.dockerjava.api.model.SwarmNodeRole;
import com.github.dockerjava.api.model.SwarmNodeSpec;
import com.github.dockerjava.api.model.SwarmNodeState;
import com.github.dockerjava.api.model.SwarmNodeStatus;
import com.github.dockerjava.api.model.SwarmNodeVersion;
import com.github.dockerjava.api.model.SwarmOrchestration;
import com.github.dockerjava.api.model.SwarmRaftConfig;
import com.github.dockerjava.api.model.SwarmSpec;
import com.github.dockerjava.api.model.Task;
import com.github.dockerjava.api.model.TaskDefaults;
import com.github.dockerjava.api.model.TaskSpec;
import com.github.dockerjava.api.model.TaskState;
import com.github.dockerjava.api.model.TaskStatus;
import com.github.dockerjava.api.model.TaskStatusContainerStatus;
import com.github.dockerjava.api.model.TmpfsOptions;
import com.github.dockerjava.api.model.VolumeOptions;
import com.github.dockerjava.core.command.CreateNetworkCmdImpl;
import com.github.dockerjava.core.command.CreateServiceCmdImpl;
import com.github.dockerjava.core.command.ExecCreateCmdImpl;
import com.github.dockerjava.core.command.InitializeSwarmCmdImpl;
import com.github.dockerjava.core.command.JoinSwarmCmdImpl;
import com.github.dockerjava.core.command.UpdateSwarmNodeCmdImpl;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * docker-java reads and writes the Engine API's JSON with Jackson, by reflection: a native image
 * must keep the model classes. These are the ones reachable from what the services read and
 * write ({@code Info}, {@code SwarmNode}, {@code Task}, swarm init/join/update), enums included
 * (their constants carry {@code @JsonProperty}), and their nested types. One list for every
 * service, so that a type one of them starts to use is not missing from the other's image.
 */
@RegisterForReflection(ignoreNested = false, targets = {
        BindOptions.class, BindPropagation.class, ClusterInfo.class, ContainerDNSConfig.class, ContainerSpec.class,
        ContainerSpecConfig.class, ContainerSpecFile.class, ContainerSpecPrivileges.class,
        ContainerSpecPrivilegesCredential.class, ContainerSpecPrivilegesSELinuxContext.class,
        ContainerSpecSecret.class, DockerObject.class, Driver.class, EndpointSpec.class, ExternalCA.class,
        ExternalCAProtocol.class, GenericResource.class, HealthCheck.class, ImageOptions.class, Info.class,
        InfoRegistryConfig.class, LocalNodeState.class, Mount.class, MountType.class, Network.class,
        NetworkAttachmentConfig.class, ObjectVersion.class, PeerNode.class, Reachability.class,
        ResourceRequirements.class, ResourceSpecs.class, ResourceVersion.class, RuntimeInfo.class, Service.class,
        ServiceGlobalModeOptions.class, ServiceModeConfig.class, ServicePlacement.class,
        ServiceRestartCondition.class, ServiceRestartPolicy.class, ServiceSpec.class, Swarm.class,
        SwarmCAConfig.class, SwarmDispatcherConfig.class, SwarmInfo.class, SwarmJoinTokens.class, SwarmNode.class,
        SwarmNodeAvailability.class, SwarmNodeDescription.class, SwarmNodeEngineDescription.class,
        SwarmNodeManagerStatus.class, SwarmNodePlatform.class, SwarmNodePluginDescription.class,
        SwarmNodeResources.class, SwarmNodeRole.class, SwarmNodeSpec.class, SwarmNodeState.class,
        SwarmNodeStatus.class, SwarmNodeVersion.class, SwarmOrchestration.class, SwarmRaftConfig.class,
        SwarmSpec.class, Task.class, TaskDefaults.class, TaskSpec.class, TaskState.class, TaskStatus.class,
        TaskStatusContainerStatus.class, TmpfsOptions.class, VolumeOptions.class, CreateNetworkCmdImpl.class,
        CreateServiceCmdImpl.class, ExecCreateCmdImpl.class, InitializeSwarmCmdImpl.class, JoinSwarmCmdImpl.class,
        UpdateSwarmNodeCmdImpl.class })
final class DockerModelReflection {
    private DockerModelReflection() {
    }
}
