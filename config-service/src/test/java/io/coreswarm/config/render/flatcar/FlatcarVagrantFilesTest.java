package io.coreswarm.config.render.flatcar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.coreswarm.api.render.RenderedFile;
import io.coreswarm.api.spec.Channel;
import io.coreswarm.api.spec.ClusterSpec;
import io.coreswarm.api.spec.Provider;
import io.coreswarm.api.spec.Target;
import io.coreswarm.config.render.RenderContext;
import io.coreswarm.config.render.Subnet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rendered Ruby is run by the real ruby: syntax, values, and what the Vagrantfile configures. */
class FlatcarVagrantFilesTest {

    static final String RUBY = "ruby";

    @TempDir
    Path dir;

    Path write(List<RenderedFile> files) throws IOException {
        for (RenderedFile f : files) {
            Path target = dir.resolve(f.path());
            Files.createDirectories(target.getParent());
            Files.writeString(target, f.content());
        }
        return dir;
    }

    static List<RenderedFile> render(ClusterSpec spec, Subnet subnet) {
        return new FlatcarRenderer().render(new RenderContext(spec, FlatcarRendererTest.DISCOVERY, subnet));
    }

    static ClusterSpec spec(String name, Provider provider) {
        return new ClusterSpec(name, 3, Target.FLATCAR, provider, Channel.BETA, 1536, 2, 2375, null,
                Map.of("zone", "a"));
    }

    @Test
    void rubyFilesParse() throws Exception {
        Path root = write(render(spec("demo", Provider.VIRTUALBOX), Subnet.COREOS_VAGRANT));
        for (String file : List.of("Vagrantfile", "config.rb")) {
            Processes.Result r = Processes.run(List.of(RUBY, "-c", root.resolve(file).toString()), null);
            assertEquals(0, r.exitCode(), r.output());
            assertTrue(r.stdout().contains("Syntax OK"), r.output());
        }
    }

    /** The real vagrant loads the Vagrantfile; provider blocks are covered by the stub run below. */
    @Test
    void vagrantValidatesTheVagrantfile() throws Exception {
        assertTrue(Processes.onPath("vagrant"), "vagrant not installed: scripts/host-prereqs installs it");
        Path root = write(render(spec("demo", Provider.VIRTUALBOX), Subnet.COREOS_VAGRANT));
        Path home = Files.createDirectories(dir.resolve("vagrant-home"));
        Processes.Result r = Processes.run(List.of("vagrant", "validate", "--ignore-provider"), null, root,
                Map.of("VAGRANT_HOME", home.toString(), "VAGRANT_CHECKPOINT_DISABLE", "1"));
        assertEquals(0, r.exitCode(), r.output());
        assertTrue(r.stdout().contains("Vagrantfile validated successfully"), r.output());
    }

    @Test
    void vagrantfileDefinesEveryNodeWithItsAddressPortAndIgnition() throws Exception {
        Path root = write(render(spec("demo", Provider.VIRTUALBOX), Subnet.COREOS_VAGRANT));
        JsonNode out = runVagrantfile(root);
        JsonNode config = out.path("config");

        assertEquals("virtualbox", out.path("default_provider").asText());
        assertEquals("flatcar-beta", config.path("vm").path("box").asText());
        assertEquals("https://beta.release.flatcar-linux.net/amd64-usr/current/flatcar_production_vagrant.box",
                config.path("vm").path("box_url").asText());
        assertEquals("core", config.path("ssh").path("username").asText());

        JsonNode machines = config.path("vm").path("define");
        assertEquals(List.of("core-01", "core-02", "core-03"), FlatcarRendererTest.fieldNames(machines));
        for (int i = 1; i <= 3; i++) {
            JsonNode vm = machines.path("core-0" + i).path("vm");
            JsonNode networks = vm.path("network");
            assertEquals(":private_network", networks.get(0).get(0).asText());
            assertEquals("172.17.8.10" + i, networks.get(0).get(1).path("ip").asText());
            assertEquals(":forwarded_port", networks.get(1).get(0).asText());
            JsonNode forward = networks.get(1).get(1);
            assertEquals(2375, forward.path("guest").asInt());
            assertEquals(2375 + i - 1, forward.path("host").asInt());
            assertEquals("127.0.0.1", forward.path("host_ip").asText());

            JsonNode vb = vm.path("provider").path("virtualbox");
            assertEquals(1536, vb.path("memory").asInt());
            assertEquals(2, vb.path("cpus").asInt());
            JsonNode guestProperty = vb.path("customize").get(0).get(0);
            assertEquals(List.of("guestproperty", "set", ":id", "/Ignition/Config"),
                    List.of(guestProperty.get(0).asText(), guestProperty.get(1).asText(),
                            guestProperty.get(2).asText(), guestProperty.get(3).asText()));
            assertEquals(Files.readString(root.resolve("flatcar/core-0" + i + ".ign")), guestProperty.get(4).asText());

            JsonNode lv = vm.path("provider").path("libvirt");
            assertEquals(1536, lv.path("memory").asInt());
            assertEquals("-fw_cfg", lv.path("qemuargs").get(0).get(0).path("value").asText());
            assertEquals("name=opt/org.flatcar-linux/config,file="
                    + root.resolve("flatcar/core-0" + i + ".ign").toRealPath(),
                    lv.path("qemuargs").get(1).get(0).path("value").asText());
        }
    }

    @Test
    void libvirtHasNoVirtualBoxBoxUrl() throws Exception {
        JsonNode out = runVagrantfile(write(render(spec("demo", Provider.LIBVIRT), Subnet.COREOS_VAGRANT)));
        assertEquals("libvirt", out.path("default_provider").asText());
        assertEquals("flatcar-beta", out.path("config").path("vm").path("box").asText());
        assertTrue(out.path("config").path("vm").path("box_url").isMissingNode());
    }

    /** Name and subnet are validated at the API; here they arrive hostile and must still be plain data. */
    @Test
    void hostileValuesInConfigRbStayRubyStrings() throws Exception {
        String name = "x'; system('rm -rf /') #\n$(reboot) #{`id`} \\";
        String prefix = "10.0.0'; `reboot`; '";
        List<RenderedFile> files = render(spec(name, Provider.VIRTUALBOX), new Subnet(prefix));
        Path root = write(files);

        String configRb = FlatcarRendererTest.file(files, "config.rb");
        assertFalse(configRb.contains("system('rm"), configRb);
        Processes.Result r = Processes.run(List.of(RUBY, "-rjson", "-e",
                "load ARGV[0]; print JSON.generate([$cluster_name, $nodes, $vm_memory, $expose_docker_tcp])",
                root.resolve("config.rb").toString()), null);
        assertEquals(0, r.exitCode(), r.output());
        JsonNode values = new ObjectMapper().readTree(r.stdout());
        assertEquals(name, values.get(0).asText());
        assertEquals(prefix + ".101", values.get(1).path("core-01").asText());
        assertEquals(prefix + ".103", values.get(1).path("core-03").asText());
        assertEquals(1536, values.get(2).asInt());
        assertEquals(2375, values.get(3).asInt());
    }

    JsonNode runVagrantfile(Path root) throws Exception {
        Path stub = dir.resolve("vagrant_stub.rb");
        try (InputStream in = getClass().getResourceAsStream("vagrant_stub.rb")) {
            Files.copy(in, stub);
        }
        Processes.Result r = Processes.run(List.of(RUBY, "-r", stub.toString(), root.resolve("Vagrantfile").toString()), null);
        assertEquals(0, r.exitCode(), r.output());
        return new ObjectMapper().readTree(r.stdout());
    }
}
