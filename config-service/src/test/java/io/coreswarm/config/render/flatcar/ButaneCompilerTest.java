package io.coreswarm.config.render.flatcar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class ButaneCompilerTest {

    @Test
    void compilesLikeButane() {
        String butane = """
                variant: flatcar
                version: 1.0.0
                storage:
                  files:
                    - path: /etc/sudoers.d/foo
                      mode: 0600
                      contents:
                        inline: "foo ALL=(ALL) NOPASSWD:ALL\\n"
                systemd:
                  units:
                    - name: a.service
                      enabled: true
                      contents: "[Service]\\nExecStart=/bin/echo <&>\\n"
                      dropins:
                        - name: x.conf
                          contents: "[Unit]\\n"
                """;
        // the data URL is the one in Butane's own tests; key order and \\u escapes are Go's
        assertEquals("{\"ignition\":{\"version\":\"3.3.0\"},"
                + "\"storage\":{\"files\":[{\"path\":\"/etc/sudoers.d/foo\",\"contents\":{\"compression\":\"\","
                + "\"source\":\"data:,foo%20ALL%3D(ALL)%20NOPASSWD%3AALL%0A\"},\"mode\":384}]},"
                + "\"systemd\":{\"units\":[{\"contents\":\"[Service]\\nExecStart=/bin/echo \\u003c\\u0026\\u003e\\n\","
                + "\"dropins\":[{\"contents\":\"[Unit]\\n\",\"name\":\"x.conf\"}],\"enabled\":true,\"name\":\"a.service\"}]}}\n",
                ButaneCompiler.compile(butane));
    }

    /** A file Butane reads from --files-dir is refused, or left out on request; an owner becomes Ignition's user. */
    @Test
    void localFilesAreLeftOutOnlyOnRequestAndOwnersCompile() {
        String butane = """
                variant: flatcar
                version: 1.0.0
                storage:
                  files:
                    - path: /etc/a
                      mode: 0644
                      user:
                        name: etcd
                      contents:
                        inline: "a"
                    - path: /etc/coreswarm/tls/server-key.pem
                      mode: 0600
                      overwrite: true
                      user:
                        name: etcd
                      contents:
                        local: nodes/core-01/server-key.pem
                """;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ButaneCompiler.compile(butane));
        assertTrue(e.getMessage().contains("$.storage.files[1].contents.local needs butane --files-dir"), e.getMessage());
        // Ignition's Node order: group, overwrite, path, user; then contents, mode
        assertEquals("{\"ignition\":{\"version\":\"3.3.0\"},\"storage\":{\"files\":[{\"path\":\"/etc/a\","
                + "\"user\":{\"name\":\"etcd\"},\"contents\":{\"compression\":\"\",\"source\":\"data:,a\"},\"mode\":420}]}}\n",
                ButaneCompiler.compileWithoutLocalFiles(butane));
        assertThrows(IllegalArgumentException.class, () -> ButaneCompiler.compileWithoutLocalFiles(
                "variant: flatcar\nversion: 1.0.0\nstorage:\n  files:\n    - path: /x\n      contents:\n        inline: a\n        local: b\n"));
        assertThrows(IllegalArgumentException.class, () -> ButaneCompiler.compileWithoutLocalFiles(
                "variant: flatcar\nversion: 1.0.0\nstorage:\n  files:\n    - path: /x\n      user:\n        id: 0\n"));
    }

    @Test
    void picksTheShortestDataUrlAsButaneDoes() {
        assertEquals(new DataUrl("data:,file%20contents%0A", ""), DataUrl.of(bytes("file contents\n")));
        assertEquals(new DataUrl("data:;base64,e317fXt9e317fXt9", ""), DataUrl.of(bytes("{}{}{}{}{}{}")));

        String large = "a".repeat(2000) + "\n";
        DataUrl gzipped = DataUrl.of(bytes(large));
        assertEquals("gzip", gzipped.compression());
        assertTrue(gzipped.source().startsWith("data:;base64,H4sI"), gzipped.source());
        assertEquals(large, Ignition.decode(gzipped.source(), gzipped.compression()));
    }

    @Test
    void escapesLikeTheDataurlPackage() {
        assertEquals("az09-_.!~*'()%20%25%2B%2F%3A%C3%A9%0A", DataUrl.escape(bytes("az09-_.!~*'() %+/:é\n")));
    }

    @Test
    void refusesWhatItDoesNotCompile() {
        assertThrows(IllegalArgumentException.class, () -> ButaneCompiler.compile("variant: fcos\nversion: 1.0.0\n"));
        assertThrows(IllegalArgumentException.class, () -> ButaneCompiler.compile("variant: flatcar\nversion: 1.1.0\n"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ButaneCompiler.compile(
                "variant: flatcar\nversion: 1.0.0\npasswd:\n  users: []\n"));
        assertTrue(e.getMessage().contains("$.passwd"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ButaneCompiler.compile(
                "variant: flatcar\nversion: 1.0.0\nstorage:\n  files:\n    - path: /x\n      mode: '0644'\n"));
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
