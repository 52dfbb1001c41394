package io.coreswarm.config.validation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * coreos-cloudinit's {@code checkEncoding} and {@code checkWriteFiles}: a file whose content does
 * not decode with its encoding, or that would be written under the read-only {@code /usr}, is an error.
 */
final class WriteFilesCheck implements CloudConfigRule {

    @Override
    public void check(MappingNode document, Findings findings) {
        List<Node> files = YamlMappings.items(YamlMappings.child(document, "write_files"));
        DecodeBudget budget = new DecodeBudget();
        // a content aliased by many entries (YAML's *name) is one node: decoded once, judged alike
        Map<ScalarNode, Map<String, Optional<String>>> decoded = new IdentityHashMap<>();
        boolean spent = false;
        for (int i = 0; i < files.size(); i++) {
            KeyPath file = KeyPath.ROOT.key("write_files").index(i);
            if (!spent) {
                spent = !checkContent(files.get(i), file, findings, budget, decoded);
            }
            checkPath(files.get(i), file, findings);
        }
    }

    /** False when the budget ran out here (a finding says so, and later contents go unchecked). */
    private static boolean checkContent(Node file, KeyPath at, Findings findings, DecodeBudget budget,
            Map<ScalarNode, Map<String, Optional<String>>> decoded) {
        var encoding = YamlMappings.scalar(file, "encoding").map(ScalarNode::getValue).orElse("");
        var content = YamlMappings.scalar(file, "content");
        // an encoding outside the allowed set is already an error of its own (SchemaCheck)
        if (encoding.isEmpty() || content.isEmpty() || !CloudConfigSchema.FILE_ENCODINGS.admit(encoding)) {
            return true;
        }
        Map<String, Optional<String>> byEncoding = decoded.computeIfAbsent(content.get(), c -> new HashMap<>());
        Optional<String> failure = byEncoding.get(encoding);
        if (failure == null) {
            try {
                ContentDecoder.decode(bytesOf(content.get()), encoding, budget);
                failure = Optional.empty();
            } catch (IOException e) {
                failure = Optional.of(e.getMessage());
            } catch (DecodeBudget.Spent e) {
                findings.error(content.get(), at.key("content"), "this and later contents were not checked: the document is"
                        + " too costly to decode (" + e.getMessage() + ")");
                return false;
            }
            byEncoding.put(encoding, failure);
        }
        failure.ifPresent(why -> findings.error(content.get(), at.key("content"),
                "content cannot be decoded as " + Findings.quote(encoding) + ": " + why));
        return true;
    }

    /** The bytes Go's YAML decoder would put in the string: a {@code !!binary} scalar is decoded first. */
    private static byte[] bytesOf(ScalarNode content) throws IOException {
        if (!Tag.BINARY.equals(content.getTag())) {
            return content.getValue().getBytes(StandardCharsets.UTF_8);
        }
        try {
            return Base64.getMimeDecoder().decode(content.getValue());
        } catch (IllegalArgumentException e) {
            throw new IOException("not !!binary: " + e.getMessage());
        }
    }

    private static void checkPath(Node file, KeyPath at, Findings findings) {
        YamlMappings.scalar(file, "path").ifPresent(path -> {
            if (isUnderUsr(path.getValue())) {
                findings.error(path, at.key("path"), "file cannot be written to a read-only filesystem (/usr)");
            }
        });
    }

    /**
     * Whether the file's directory is {@code /usr} or below it once {@code .} and {@code ..} are
     * resolved. Upstream compares {@code path.Dir} by string prefix, which also hits {@code /usrlocal/x};
     * this does not.
     */
    static boolean isUnderUsr(String path) {
        if (!path.startsWith("/")) {
            return false;
        }
        Deque<String> segments = new ArrayDeque<>();
        for (String segment : path.split("/")) {
            if (segment.equals("..")) {
                segments.pollLast();
            } else if (!segment.isEmpty() && !segment.equals(".")) {
                segments.addLast(segment);
            }
        }
        segments.pollLast(); // the file itself
        return "usr".equals(segments.peekFirst());
    }
}
