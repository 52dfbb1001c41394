package io.coreswarm.cli.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.coreswarm.cli.exit.CliFailure;

class SafeFolderTest {
    @TempDir
    Path dir;

    @Test
    void pathsThatLeaveTheFolderAreRefused() throws Exception {
        SafeFolder folder = new SafeFolder(dir.resolve("out"));
        for (String path : List.of("../escape", "a/../../escape", "/etc/passwd", "", "a/..")) {
            assertThrows(CliFailure.class, () -> folder.write(path, new byte[] { 1 }, "0644"), path);
        }
        assertFalse(Files.exists(dir.resolve("escape")));
    }

    @Test
    void aLinkInTheFolderThatPointsOutIsRefused() throws Exception {
        SafeFolder folder = new SafeFolder(dir.resolve("out"));
        Files.createDirectories(dir.resolve("elsewhere"));
        Files.createSymbolicLink(dir.resolve("out/link"), dir.resolve("elsewhere"));

        assertThrows(CliFailure.class, () -> folder.write("link/file", new byte[] { 1 }, "0644"));
        assertFalse(Files.exists(dir.resolve("elsewhere/file")));
    }

    @Test
    void filesGetTheirModes() throws Exception {
        SafeFolder folder = new SafeFolder(dir);
        Path key = folder.write("sub/key.pem", "secret".getBytes(), "0600");
        Path script = folder.write("run.sh", "#!/bin/sh".getBytes(), "0755");

        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));
        assertEquals("rwxr-xr-x", PosixFilePermissions.toString(Files.getPosixFilePermissions(script)));
    }

    @Test
    void aTarMadeByTarReadsBackWithNamesModesAndBytes() throws Exception {
        Path src = Files.createDirectories(dir.resolve("src"));
        Files.writeString(src.resolve("ca.pem"), "CA");
        Files.writeString(src.resolve("key.pem"), "K".repeat(700)); // over one 512-byte block
        Files.setPosixFilePermissions(src.resolve("key.pem"), PosixFilePermissions.fromString("rw-------"));
        Process tar = new ProcessBuilder("tar", "--format=ustar", "-cf", "-", "ca.pem", "key.pem").directory(src.toFile()).start();
        List<TarEntries.Entry> entries;
        try (InputStream in = tar.getInputStream()) {
            entries = TarEntries.read(in);
        }
        assertEquals(0, tar.waitFor());

        assertEquals(List.of("ca.pem", "key.pem"), entries.stream().map(TarEntries.Entry::name).toList());
        assertEquals("CA", new String(entries.get(0).content()));
        assertEquals(700, entries.get(1).content().length);
        assertTrue(entries.get(1).mode().endsWith("600"), entries.get(1).mode());
    }
}
