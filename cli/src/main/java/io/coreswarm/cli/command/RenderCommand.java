package io.coreswarm.cli.command;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.coreswarm.api.render.RenderedFile;
import io.coreswarm.api.render.Rendering;
import io.coreswarm.api.render.RenderingRequest;
import io.coreswarm.api.spec.ClusterSpec;
import io.coreswarm.api.spec.Target;
import io.coreswarm.cli.exit.CliFailure;
import io.coreswarm.cli.exit.ExitCode;
import io.coreswarm.cli.files.SafeFolder;
import io.quarkus.runtime.annotations.RegisterForReflection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * config-service's {@code POST /v1/renderings}: the files that build a cluster, written into a
 * folder with their modes. Every path is checked before the first file is written; one that
 * would land outside the folder fails the whole command (exit 1).
 */
@RegisterForReflection(targets = { RenderingRequest.class, ClusterSpec.class })
@Command(name = "render", description = "Render a cluster spec (JSON) into the files that build it, for a target.")
class RenderCommand extends ServiceCommand {

    @Parameters(paramLabel = "SPEC.json", description = "a cluster spec (as POST /v1/clusters takes), or a rendering request "
            + "{\"spec\": ..., \"discoveryUrl\": ..., \"subnet\": ...}; - reads stdin")
    Path specFile;

    @Option(names = { "-t", "--target" }, paramLabel = "TARGET", converter = EnumConverter.TargetConverter.class,
            description = "local, flatcar or coreos-legacy (default: the spec's)")
    Target target;

    @Option(names = { "-o", "--output-dir" }, paramLabel = "DIR", required = true, description = "the folder to write the files into")
    Path dir;

    @Override
    public Integer call() throws IOException {
        RenderingRequest request = request(InputFiles.read(specFile, InputFiles.MAX_SPEC));
        Rendering rendering = services().renderings().render(request);
        SafeFolder folder = new SafeFolder(dir);
        List<Path> targets = new ArrayList<>();
        for (RenderedFile f : rendering.files()) {
            targets.add(folder.resolve(f.path()));
        }
        for (RenderedFile f : rendering.files()) {
            out().println(folder.write(f.path(), f.content().getBytes(StandardCharsets.UTF_8), f.mode()));
        }
        out().flush();
        return ExitCode.OK.code();
    }

    private RenderingRequest request(byte[] json) {
        ObjectMapper mapper = io.coreswarm.cli.output.Printer.json().copy()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        try {
            JsonNode tree = mapper.readTree(json);
            if (tree == null || !tree.isObject()) {
                throw new CliFailure(ExitCode.USAGE, specFile + ": not a JSON object");
            }
            RenderingRequest request = tree.has("spec")
                    ? mapper.treeToValue(tree, RenderingRequest.class)
                    : new RenderingRequest(mapper.treeToValue(tree, ClusterSpec.class), null, null);
            if (target == null || request.spec() == null) {
                return request;
            }
            return new RenderingRequest(request.spec().withTarget(target), request.discoveryUrl(), request.subnet());
        } catch (JsonProcessingException e) {
            throw new CliFailure(ExitCode.USAGE, specFile + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new CliFailure(ExitCode.USAGE, specFile + ": " + e.getMessage());
        }
    }
}
