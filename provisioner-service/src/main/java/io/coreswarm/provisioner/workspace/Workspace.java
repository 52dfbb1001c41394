package io.coreswarm.provisioner.workspace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import io.coreswarm.api.node.NodeLayout;
import io.coreswarm.api.render.RenderedFile;

/**
 * A cluster's folder. {@code machines/} is where Vagrant runs (rendered files and {@code .vagrant/});
 * beside it {@code pki/} (a TLS cluster's CA and certificates, 0700), the cluster record and,
 * under {@code operations/}, each operation's record and log.
 */
public record Workspace(Path root) {

    public Path machines() {
        return root.resolve("machines");
    }

    /** The cluster's CA and certificates ({@code io.coreswarm.pki.PkiLayout}), for a TLS cluster. */
    public Path pki() {
        return root.resolve(NodeLayout.PKI_DIR);
    }

    public Path clusterRecord() {
        return root.resolve("cluster.json");
    }

    public Path operations() {
        return root.resolve("operations");
    }

    public Path operationRecord(String id) {
        return operations().resolve(id + ".json");
    }

    public Path operationLog(String id) {
        return operations().resolve(id + ".log");
    }

    /** Writes rendered files into {@code machines/}; files Vagrant or the provisioner added stay. */
    public void writeRendering(List<RenderedFile> files) {
        for (RenderedFile file : files) {
            Path target = machines().resolve(file.path()).normalize();
            if (!target.startsWith(machines())) {
                throw new IllegalArgumentException("rendered path escapes the workspace: " + file.path());
            }
            writeAtomically(target, file.content());
            try {
                Files.setPosixFilePermissions(target, PosixFilePermissions.fromString(rwx(file.mode())));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Write then rename, so a crash never leaves half a file. */
    public static void writeAtomically(Path target, String content) {
        try {
            Files.createDirectories(target.getParent());
            Path tmp = Files.createTempFile(target.getParent(), ".tmp-", "");
            Files.writeString(tmp, content, StandardCharsets.UTF_8);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String rwx(String octal) {
        int mode = Integer.parseInt(octal, 8);
        String all = "rwxrwxrwx";
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 9; i++) {
            b.append((mode & (1 << (8 - i))) != 0 ? all.charAt(i) : '-');
        }
        return b.toString();
    }
}
