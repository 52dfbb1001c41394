package io.coreswarm.provisioner.clients;

import com.github.dockerjava.api.model.Info;
import com.github.dockerjava.api.model.SwarmJoinTokens;
import com.github.dockerjava.api.model.Network;
import com.github.dockerjava.api.model.Swarm;
import com.github.dockerjava.api.model.SwarmInfo;
import com.github.dockerjava.api.model.SwarmNode;
import com.github.dockerjava.api.model.SwarmNodeDescription;
import com.github.dockerjava.api.model.SwarmNodeManagerStatus;
import com.github.dockerjava.api.model.SwarmNodeSpec;
import com.github.dockerjava.api.model.SwarmNodeStatus;
import com.github.dockerjava.api.model.SwarmNodeVersion;
import com.github.dockerjava.api.model.SwarmSpec;
import com.github.dockerjava.core.command.InitializeSwarmCmdImpl;
import com.github.dockerjava.core.command.JoinSwarmCmdImpl;
import com.github.dockerjava.core.command.UpdateSwarmNodeCmdImpl;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * docker-java reads and writes these with Jackson by reflection: a native image must keep them.
 * (The commands whose bodies are JSON are listed with the models they return.)
 */
@RegisterForReflection(ignoreNested = false, targets = {
        Info.class, SwarmInfo.class, Swarm.class, SwarmSpec.class, SwarmJoinTokens.class,
        SwarmNode.class, SwarmNodeSpec.class, SwarmNodeStatus.class, SwarmNodeDescription.class,
        SwarmNodeManagerStatus.class, SwarmNodeVersion.class, Network.class,
        InitializeSwarmCmdImpl.class, JoinSwarmCmdImpl.class, UpdateSwarmNodeCmdImpl.class })
final class NativeReflection {
    private NativeReflection() {
    }
}
