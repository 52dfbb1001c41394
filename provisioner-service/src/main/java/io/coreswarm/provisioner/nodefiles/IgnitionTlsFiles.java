package io.coreswarm.provisioner.nodefiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.coreswarm.pki.PemFiles;
import io.coreswarm.pki.PkiLayout;

/**
 * Adds a node's TLS files to the Ignition config config-service rendered for it (the {@code flatcar}
 * target's {@code flatcar/core-01.ign}): config-service names them in the Butane config
 * ({@code contents.local}) and leaves them out of the Ignition, since it holds no keys. The result
 * is what {@code butane --files-dir <pki> core-01.bu} gives, up to how each data URL is encoded:
 * {@code /etc/coreswarm/tls/ca.pem} and {@code server.pem} 0644, {@code server-key.pem} 0600 owned by
 * {@code etcd} (etcd-member runs as that user; dockerd, root, reads it too).
 *
 * <p>The result holds a private key: write it with {@link #writeOwnerOnly} (0600 from the start),
 * never log it. Its {@code storage.files} entries for these paths replace any already there, so adding
 * twice (after {@code regenerate-certs}) leaves one of each.
 */
public final class IgnitionTlsFiles {

    /** Where the node sees them: {@code PkiLayout.NODE_MOUNT}. */
    static final String NODE_DIR = PkiLayout.NODE_MOUNT;

    /** The user etcd runs as on Flatcar; config-service's Butane config names the same owner. */
    static final String KEY_OWNER = "etcd";

    static final int CERTIFICATE_MODE = 0644;
    static final int KEY_MODE = 0600;

    /** Far above any PEM the pki module writes (an RSA 4096 chain is a few KiB). */
    static final long MAX_FILE_BYTES = 64 * 1024;

    private static final List<String> NAMES = List.of(PkiLayout.CA_CERT, PkiLayout.SERVER_CERT, PkiLayout.SERVER_KEY);

    private static final ObjectMapper JSON = new ObjectMapper();

    private IgnitionTlsFiles() {
    }

    /**
     * @param ignition the node's Ignition config as config-service rendered it
     * @param nodeDir  the node's folder of the cluster's PKI ({@code pki.layout().nodeDir("core-01")})
     * @return the config with the node's three TLS files in {@code storage.files}
     */
    public static String add(String ignition, Path nodeDir) {
        ObjectNode root = parse(ignition);
        ObjectNode storage = root.has("storage") ? object(root.get("storage"), "storage") : root.putObject("storage");
        ArrayNode files = storage.has("files") ? array(storage.get("files"), "storage.files") : storage.putArray("files");
        for (String name : NAMES) {
            String path = NODE_DIR + "/" + name;
            for (int i = files.size() - 1; i >= 0; i--) {
                if (path.equals(files.get(i).path("path").asText())) {
                    files.remove(i);
                }
            }
            boolean key = name.equals(PkiLayout.SERVER_KEY);
            // Ignition's Go order, as butane writes it: overwrite, path, user, contents, mode
            ObjectNode file = files.addObject();
            file.put("overwrite", true);
            file.put("path", path);
            if (key) {
                file.putObject("user").put("name", KEY_OWNER);
            }
            file.putObject("contents").put("compression", "")
                    .put("source", "data:;base64," + Base64.getEncoder().encodeToString(read(nodeDir.resolve(name))));
            file.put("mode", key ? KEY_MODE : CERTIFICATE_MODE);
        }
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the Ignition config", e);
        }
    }

    /** Writes an Ignition config that holds a key: 0600 from the moment it exists, atomically. */
    public static void writeOwnerOnly(Path target, String ignition) {
        PemFiles.writeAtomically(target, ignition.getBytes(StandardCharsets.UTF_8), PemFiles.PRIVATE);
    }

    private static byte[] read(Path file) {
        try {
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException("no TLS file " + file.getFileName() + " in " + file.getParent()
                        + ": issue the node's certificate first (ClusterPki.issueNode)");
            }
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw new IllegalArgumentException("TLS file " + file + " is larger than " + MAX_FILE_BYTES + " bytes");
            }
            return Files.readAllBytes(file);
        } catch (IOException e) {
            // the message names the file only: nothing of its contents
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static ObjectNode parse(String ignition) {
        try {
            return object(JSON.readTree(ignition), "the Ignition config");
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not an Ignition config: " + e.getOriginalMessage());
        }
    }

    private static ObjectNode object(JsonNode node, String what) {
        if (node instanceof ObjectNode o) {
            return o;
        }
        throw new IllegalArgumentException(what + " must be a JSON object");
    }

    private static ArrayNode array(JsonNode node, String what) {
        if (node instanceof ArrayNode a) {
            return a;
        }
        throw new IllegalArgumentException(what + " must be a JSON array");
    }
}
