package io.coreswarm.config.render.coreos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import io.coreswarm.api.render.RenderedFile;
import io.coreswarm.api.spec.ClusterSpec;
import io.coreswarm.api.spec.Target;
import io.coreswarm.config.Seed;
import io.coreswarm.config.render.RenderContext;
import io.coreswarm.config.render.Subnet;
import io.coreswarm.config.render.RubyCheck;

class CoreosLegacyRendererTest {
    static final String DISCOVERY = "http://10.0.2.2:8081/v1/discovery/0123456789abcdef0123456789abcdef";
    final CoreosLegacyRenderer renderer = new CoreosLegacyRenderer();

    static ClusterSpec seedSpec() {
        return ClusterSpec.named("seed").withTarget(Target.COREOS_LEGACY);
    }

    List<RenderedFile> render(ClusterSpec spec) {
        return renderer.render(new RenderContext(spec, DISCOVERY, Subnet.COREOS_VAGRANT));
    }

    static String file(List<RenderedFile> files, String path) {
        return files.stream().filter(f -> f.path().equals(path)).findFirst().orElseThrow().content();
    }

    @Test
    void seedValuesRenderTheSeedsUserDataTree() {
        ClusterSpec spec = seedSpec();
        assertEquals(5, spec.nodes());
        assertEquals(1024, spec.memory());
        assertEquals(2375, spec.dockerPort());
        assertEquals("alpha", spec.channel().id());

        String ours = file(render(spec), "user-data");
        Map<String, Object> seed = load(Seed.userData());
        Map<String, Object> rendered = load(ours);
        // the one intended difference: the URL is minted per cluster instead of on every 'vagrant up'
        assertEquals(DISCOVERY, etcd2(rendered).get("discovery"));
        etcd2(rendered).put("discovery", etcd2(seed).get("discovery"));
        assertEquals(seed, rendered);
        assertTrue(ours.startsWith("#cloud-config\n"), "coreos-cloudinit reads the header on the first line");
    }

    @Test
    void seedValuesRenderNoWorkerFileSinceEveryNodeIsAManager() {
        List<RenderedFile> files = render(seedSpec());
        assertEquals(List.of("Vagrantfile", "config.rb", "user-data"), files.stream().map(RenderedFile::path).toList());
    }

    @Test
    void configRbCarriesTheSeedsLines() {
        String rb = file(render(seedSpec()), "config.rb");
        for (String line : List.of("$num_instances=5", "$update_channel='alpha'", "$expose_docker_tcp=2375", "$vm_memory = 1024")) {
            assertTrue(rb.contains(line + "\n"), () -> "config.rb lacks " + line + ":\n" + rb);
        }
    }

    @Test
    void nodesPastTheManagerCountRunOnlyTheAgent() {
        List<RenderedFile> files = render(new ClusterSpec("mixed", 4, Target.COREOS_LEGACY, null, null, null, null, null, 3, null));
        String worker = file(files, "user-data-worker");
        assertTrue(file(files, "user-data").contains("swarm-manager.service"));
        assertFalse(worker.contains("swarm-manager.service"));
        assertTrue(worker.contains("swarm-agent.service"));
        assertTrue(file(files, "config.rb").contains("$num_managers = 3\n"));
    }

    @Test
    void hostileLabelsStayInsideTheDockerOptsValue() {
        // the API refuses such values; the renderer must still not let them escape
        Map<String, String> labels = Map.of("evil", "x\"\n  injected: true\n- name: rogue.service", "k", "'; system('id') #");
        List<RenderedFile> files = render(new ClusterSpec("hostile", 1, Target.COREOS_LEGACY, null, null, null, null, null, null, labels));
        Map<String, Object> tree = load(file(files, "user-data"));
        @SuppressWarnings("unchecked")
        Map<String, Object> coreos = (Map<String, Object>) tree.get("coreos");
        assertEquals(List.of("coreos"), List.copyOf(tree.keySet()));
        assertEquals(List.of("etcd2", "units"), List.copyOf(coreos.keySet()));
        List<?> units = (List<?>) coreos.get("units");
        assertEquals(4, units.size(), "no unit was injected");
    }

    @Test
    void aHostileNameIsOnlyAStringToRuby() {
        String name = "x'; system('touch /tmp/pwned') # \\' \n#{`id`}";
        String rb = file(render(new ClusterSpec(name, 1, Target.COREOS_LEGACY, null, null, null, null, null, null, null)), "config.rb");
        assertEquals(name, RubyCheck.evaluate(rb, "$cluster_name"));
    }

    @Test
    void vagrantfileIsValidRuby() {
        RubyCheck.assertParses(file(render(seedSpec()), "Vagrantfile"));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> etcd2(Map<String, Object> userData) {
        return (Map<String, Object>) ((Map<String, Object>) userData.get("coreos")).get("etcd2");
    }

    static Map<String, Object> load(String yaml) {
        return new Yaml().load(yaml);
    }
}
