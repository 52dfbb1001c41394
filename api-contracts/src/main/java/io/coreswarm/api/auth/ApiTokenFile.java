package io.coreswarm.api.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

import org.jboss.logging.Logger;

/**
 * The token file, {@code $CORESWARM_HOME/api-token}: read when it exists, made otherwise. A new
 * token is 32 bytes of {@link SecureRandom}, URL-safe base64 without padding (43 characters).
 *
 * <p>The file is never visible with other permissions or half written: the token is written to a
 * temporary file made 0600 from the start in the same directory, which then appears under the final
 * name in one step. That step is a hard link, which fails if the name exists, so two services
 * starting at once (scripts/up starts three) cannot overwrite each other's token: the one that
 * loses the race deletes its temporary file and reads the winner's. Where hard links are not
 * supported, an atomic rename takes their place, followed by a re-read, so that both still end up
 * with what the file holds.
 */
final class ApiTokenFile {
    private static final Logger LOG = Logger.getLogger(ApiTokenFile.class);
    private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_DIR = PosixFilePermissions.fromString("rwx------");
    private static final int RANDOM_BYTES = 32;

    private ApiTokenFile() {
    }

    /** The token the file holds, after making the file if it did not exist. */
    static String readOrCreate(Path file) throws IOException {
        if (Files.exists(file)) {
            return read(file);
        }
        Path dir = file.toAbsolutePath().getParent();
        if (!Files.isDirectory(dir)) {
            // every directory made here is the owner's only; one that exists is left as it is
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(OWNER_DIR));
        }
        Path temp = Files.createTempFile(dir, ".api-token-", ".tmp", PosixFilePermissions.asFileAttribute(OWNER_FILE));
        try {
            Files.writeString(temp, newToken() + "\n", StandardCharsets.US_ASCII, StandardOpenOption.WRITE,
                    StandardOpenOption.SYNC);
            try {
                Files.createLink(file, temp);
                LOG.infof("made the API token file %s (mode 0600)", file);
            } catch (FileAlreadyExistsException raced) {
                // another service made it first: its token is the one
            } catch (UnsupportedOperationException | IOException noLinks) {
                // a file system without hard links: rename, then read what won
                if (!Files.exists(file)) {
                    Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
                    LOG.infof("made the API token file %s (mode 0600)", file);
                }
            }
        } finally {
            Files.deleteIfExists(temp);
        }
        return read(file);
    }

    private static String read(Path file) throws IOException {
        try {
            Set<PosixFilePermission> mode = Files.getPosixFilePermissions(file);
            if (!OWNER_FILE.containsAll(mode)) {
                LOG.warnf("the API token file %s has mode %s: anyone it lets read it can call the API;"
                        + " chmod 600 it", file, PosixFilePermissions.toString(mode));
            }
        } catch (UnsupportedOperationException notPosix) {
            // nothing to check
        }
        return Files.readString(file, StandardCharsets.US_ASCII).strip();
    }

    static String newToken() {
        byte[] bytes = new byte[RANDOM_BYTES];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
