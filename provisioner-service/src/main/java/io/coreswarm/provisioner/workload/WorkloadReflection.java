package io.coreswarm.provisioner.workload;

import com.github.dockerjava.api.model.ContainerSpec;
import com.github.dockerjava.api.model.EndpointSpec;
import com.github.dockerjava.api.model.NetworkAttachmentConfig;
import com.github.dockerjava.api.model.Service;
import com.github.dockerjava.api.model.ServiceGlobalModeOptions;
import com.github.dockerjava.api.model.ServiceModeConfig;
import com.github.dockerjava.api.model.ServiceRestartPolicy;
import com.github.dockerjava.api.model.ServiceSpec;
import com.github.dockerjava.api.model.SwarmNodeEngineDescription;
import com.github.dockerjava.api.model.Task;
import com.github.dockerjava.api.model.TaskSpec;
import com.github.dockerjava.api.model.TaskStatus;
import com.github.dockerjava.api.model.TaskStatusContainerStatus;
import com.github.dockerjava.core.command.CreateNetworkCmdImpl;
import com.github.dockerjava.core.command.CreateServiceCmdImpl;
import com.github.dockerjava.core.command.ExecCreateCmdImpl;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** The docker-java types the workload check reads and writes with Jackson: a native image must keep them. */
@RegisterForReflection(ignoreNested = false, targets = {
        ServiceSpec.class, Service.class, TaskSpec.class, ContainerSpec.class, ServiceModeConfig.class,
        ServiceGlobalModeOptions.class, ServiceRestartPolicy.class, NetworkAttachmentConfig.class, EndpointSpec.class,
        Task.class, TaskStatus.class, TaskStatusContainerStatus.class, SwarmNodeEngineDescription.class,
        CreateNetworkCmdImpl.class, CreateServiceCmdImpl.class, ExecCreateCmdImpl.class })
final class WorkloadReflection {
    private WorkloadReflection() {
    }
}
