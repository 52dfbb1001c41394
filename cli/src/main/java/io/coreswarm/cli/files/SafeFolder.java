package io.coreswarm.cli.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

import io.coreswarm.cli.exit.CliFailure;
import io.coreswarm.cli.exit.ExitCode;

/**
 * A folder files are written into. A relative path that would land outside it ({@code ..},
 * an absolute path, a symbolic link already in the folder pointing out) is refused before
 * anything is written: the paths come from a server's answer, and a CLI must not let an answer
 * write {@code ~/.bashrc}.
 */
public final class SafeFolder {
    private final Path root;

    public SafeFolder(Path root) throws IOException {
        this.root = Files.createDirectories(root).toRealPath();
    }

    /** Where {@code relative} lands, or a failure (exit 1: the answer was bad) when outside the folder. */
    public Path resolve(String relative) throws IOException {
        if (relative == null || relative.isBlank() || relative.indexOf('\0') >= 0) {
            throw new CliFailure(ExitCode.FAILED, "refused a file without a usable path");
        }
        Path target = root.resolve(relative).normalize();
        if (Path.of(relative).isAbsolute() || !target.startsWith(root) || target.equals(root)) {
            throw new CliFailure(ExitCode.FAILED, "refused to write " + relative + ": it is outside " + root);
        }
        Path parent = Files.createDirectories(target.getParent()).toRealPath();
        if (!parent.startsWith(root)) {
            throw new CliFailure(ExitCode.FAILED, "refused to write " + relative + ": its folder leads outside " + root);
        }
        if (Files.isSymbolicLink(target)) {
            throw new CliFailure(ExitCode.FAILED, "refused to write " + relative + ": it is a symbolic link");
        }
        return target;
    }

    /** Writes {@code content} to {@code relative} with the octal {@code mode} (e.g. 0644), made with it, never wider first. */
    public Path write(String relative, byte[] content, String mode) throws IOException {
        Path target = resolve(relative);
        Set<PosixFilePermission> permissions = permissions(mode);
        Files.deleteIfExists(target);
        Files.createFile(target, PosixFilePermissions.asFileAttribute(permissions));
        Files.write(target, content);
        Files.setPosixFilePermissions(target, permissions);
        return target;
    }

    public Path root() {
        return root;
    }

    static Set<PosixFilePermission> permissions(String mode) {
        int bits;
        try {
            bits = Integer.parseInt(mode == null ? "0644" : mode, 8) & 0777;
        } catch (NumberFormatException e) {
            bits = 0644;
        }
        StringBuilder text = new StringBuilder();
        String letters = "rwxrwxrwx";
        for (int i = 0; i < 9; i++) {
            text.append((bits & (1 << (8 - i))) != 0 ? letters.charAt(i) : '-');
        }
        return PosixFilePermissions.fromString(text.toString());
    }
}
