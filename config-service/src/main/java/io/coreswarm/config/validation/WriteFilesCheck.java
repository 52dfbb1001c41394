package io.coreswarm.config.validation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.List;

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
        for (int i = 0; i < files.size(); i++) {
            KeyPath file = KeyPath.ROOT.key("write_files").index(i);
            checkContent(files.get(i), file, findings);
            checkPath(files.get(i), file, findings);
        }
    }

    private static void checkContent(Node file, KeyPath at, Findings findings) {
        var encoding = YamlMappings.scalar(file, "encoding").map(ScalarNode::getValue).orElse("");
        var content = YamlMappings.scalar(file, "content");
        // an encoding outside the allowed set is already an error of its own (SchemaCheck)
        if (encoding.isEmpty() || content.isEmpty() || !CloudConfigSchema.FILE_ENCODINGS.admit(encoding)) {
            return;
        }
        try {
            ContentDecoder.decode(bytesOf(content.get()), encoding);
        } catch (IOException e) {
            findings.error(content.get(), at.key("content"),
                    "content cannot be decoded as " + Findings.quote(encoding) + ": " + e.getMessage());
        }
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
