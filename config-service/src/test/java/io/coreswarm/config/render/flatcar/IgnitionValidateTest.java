package io.coreswarm.config.render.flatcar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.coreswarm.api.render.RenderedFile;
import io.coreswarm.api.spec.Channel;
import io.coreswarm.api.spec.ClusterSpec;
import io.coreswarm.api.spec.Target;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rendered Ignition checked by Ignition's own validator (Debian package {@code ignition}, which
 * ships {@code ignition-validate}). Warnings (unused keys, odd unit contents) count as failures.
 */
class IgnitionValidateTest {

    static final String VALIDATOR = "ignition-validate";

    @ParameterizedTest(name = "tls={0}")
    @ValueSource(booleans = { true, false })
    void ignitionValidateAcceptsEveryNodeConfig(boolean tls, @TempDir Path dir) throws Exception {
        assertTrue(Processes.onPath(VALIDATOR), VALIDATOR + " not installed: scripts/host-prereqs installs the ignition package");
        ClusterSpec spec = new ClusterSpec("demo", 3, Target.FLATCAR, null, Channel.LTS, null, null, null, null,
                Map.of("zone", "a", "quote", "x\"\n  evil: 1", "ruby", "'; system('rm -rf /') #", "shell", "$(reboot)"))
                .withTls(tls);
        List<RenderedFile> ignitions = FlatcarRendererTest.render(spec).stream()
                .filter(f -> f.path().endsWith(".ign")).toList();
        assertEquals(3, ignitions.size());
        for (RenderedFile ign : ignitions) {
            Path file = dir.resolve(Path.of(ign.path()).getFileName());
            Files.writeString(file, ign.content());
            Processes.Result r = Processes.run(List.of(VALIDATOR, file.toString()), null);
            assertEquals(0, r.exitCode(), ign.path() + ": " + r.output());
            assertEquals("", r.output().strip(), ign.path() + " has warnings");
        }
    }
}
