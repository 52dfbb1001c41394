package io.coreswarm.monitor.webhook;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Files only the monitor's user may read (0600, in 0700 directories): webhooks hold their secrets,
 * pending deliveries what the clusters did. Each is written aside, then moved over the old one,
 * so that a crash never leaves half a file.
 */
final class PrivateFiles {
    private PrivateFiles() {
    }

    static void directory(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            try {
                Files.createDirectories(dir.getParent());
                Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } catch (FileAlreadyExistsException e) {
                // made meanwhile: fine
            }
        }
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
    }

    static void write(Path file, byte[] content) throws IOException {
        directory(file.getParent());
        Path aside = file.resolveSibling("." + file.getFileName() + ".tmp");
        Files.deleteIfExists(aside);
        Files.createFile(aside, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.write(aside, content);
        Files.move(aside, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
