package io.coreswarm.config.render.coreos;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import io.coreswarm.api.render.RenderedFile;
import io.coreswarm.api.spec.ClusterSpec;
import io.coreswarm.api.spec.Provider;
import io.coreswarm.api.spec.Target;
import io.coreswarm.config.render.RenderContext;
import io.coreswarm.config.render.Subnet;

import org.junit.jupiter.api.Test;

/**
 * Without TLS (the target's default) the files are byte for byte what they were before TLS existed:
 * the expected bytes were captured from the renderer as it was, before TLS was added to it.
 */
class CoreosLegacyBytesTest {

    static List<RenderedFile> render(ClusterSpec spec) {
        return new CoreosLegacyRenderer().render(new RenderContext(spec, CoreosLegacyRendererTest.DISCOVERY, Subnet.COREOS_VAGRANT));
    }

    /** All defaults: the seed's cluster. */
    @Test
    void theSeedsFilesAreUnchanged() throws IOException {
        assertSame("seed", render(CoreosLegacyRendererTest.seedSpec()), List.of("Vagrantfile", "config.rb", "user-data"));
    }

    /** Another provider, node count, managers, port, labels: every value the renderer takes. */
    @Test
    void everyOtherValueRendersAsBefore() throws IOException {
        ClusterSpec spec = new ClusterSpec("mixed", 4, Target.COREOS_LEGACY, Provider.LIBVIRT, null, 2048, 2, 2400, 3,
                Map.of("zone", "a", "disk", "ssd"));
        assertSame("mixed", render(spec), List.of("Vagrantfile", "config.rb", "user-data", "user-data-worker"));
    }

    static void assertSame(String set, List<RenderedFile> files, List<String> paths) throws IOException {
        assertEquals(paths, files.stream().map(RenderedFile::path).toList());
        for (RenderedFile f : files) {
            assertEquals(expected(set + "/" + f.path()), f.content(), set + "/" + f.path());
            assertEquals("0644", f.mode(), f.path());
        }
    }

    static String expected(String name) throws IOException {
        try (InputStream in = CoreosLegacyBytesTest.class.getResourceAsStream("plain/" + name)) {
            if (in == null) {
                throw new AssertionError("no expected file plain/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
