package io.coreswarm.config.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;

import io.coreswarm.pki.PkiLayout;

import org.junit.jupiter.api.Test;

/** The names config-service renders are the ones the pki module writes and mounts. */
class NodeTlsFilesTest {

    @Test
    void namesArePkiLayouts() {
        assertEquals(PkiLayout.NODE_MOUNT, NodeTlsFiles.DIR);
        assertEquals(List.of(PkiLayout.CA_CERT, PkiLayout.SERVER_CERT, PkiLayout.SERVER_KEY), NodeTlsFiles.NAMES);
        PkiLayout layout = new PkiLayout(Path.of("/w/pki"));
        assertEquals(layout.serverKey("core-07"), layout.root().resolve(NodeTlsFiles.inPki("core-07", NodeTlsFiles.KEY)));
        assertEquals(layout.nodeCa("core-07"), layout.root().resolve(NodeTlsFiles.inPki("core-07", NodeTlsFiles.CA)));
        assertEquals("/etc/coreswarm/tls/server-key.pem", NodeTlsFiles.inNode(NodeTlsFiles.KEY));
        assertEquals(0600, NodeTlsFiles.mode(NodeTlsFiles.KEY));
        assertEquals(0644, NodeTlsFiles.mode(NodeTlsFiles.CERT));
        assertEquals(0644, NodeTlsFiles.mode(NodeTlsFiles.CA));
    }
}
