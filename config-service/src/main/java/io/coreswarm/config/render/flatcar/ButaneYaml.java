package io.coreswarm.config.render.flatcar;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.comments.CommentLine;
import org.yaml.snakeyaml.comments.CommentType;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.representer.Represent;
import org.yaml.snakeyaml.representer.Representer;

/**
 * Writes a {@link ButaneConfig} as Butane YAML. The document is built as a tree and emitted by
 * snakeyaml, which quotes or block-formats every scalar as YAML requires, so no value (a label,
 * a URL) can open a key of its own.
 */
public final class ButaneYaml {

    private ButaneYaml() {
    }

    public static String write(ButaneConfig config) {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndent(2);
        options.setIndicatorIndent(2);
        options.setIndentWithIndicator(true);
        // a long JSON line stays one line instead of being folded
        options.setSplitLines(false);
        options.setProcessComments(true);
        return new Yaml(new ButaneRepresenter(options), options).dump(tree(config));
    }

    private static Map<String, Object> tree(ButaneConfig config) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("variant", ButaneConfig.VARIANT);
        root.put("version", ButaneConfig.VERSION);
        if (!config.files().isEmpty() || !config.localFiles().isEmpty()) {
            List<Object> files = new ArrayList<>();
            for (ButaneConfig.File f : config.files()) {
                Map<String, Object> file = new LinkedHashMap<>();
                file.put("path", f.path());
                file.put("mode", f.mode());
                file.put("overwrite", f.overwrite());
                file.put("contents", Map.of("inline", f.inline()));
                files.add(file);
            }
            for (ButaneConfig.LocalFile f : config.localFiles()) {
                Map<String, Object> file = new LinkedHashMap<>();
                file.put("path", f.path());
                file.put("mode", f.mode());
                file.put("overwrite", true);
                if (f.owner() != null) {
                    file.put("user", Map.of("name", f.owner()));
                }
                file.put("contents", Map.of("local", f.local()));
                files.add(file);
            }
            root.put("storage", Map.of("files", files));
        }
        if (!config.units().isEmpty()) {
            List<Object> units = new ArrayList<>();
            for (ButaneConfig.Unit u : config.units()) {
                Map<String, Object> unit = new LinkedHashMap<>();
                unit.put("name", u.name());
                unit.put("enabled", u.enabled());
                if (u.contents() != null) {
                    unit.put("contents", u.contents());
                }
                if (!u.dropins().isEmpty()) {
                    List<Object> dropins = new ArrayList<>();
                    for (ButaneConfig.Dropin d : u.dropins()) {
                        Map<String, Object> dropin = new LinkedHashMap<>();
                        dropin.put("name", d.name());
                        dropin.put("contents", d.contents());
                        dropins.add(dropin);
                    }
                    unit.put("dropins", dropins);
                }
                units.add(unit);
            }
            root.put("systemd", Map.of("units", units));
        }
        return root;
    }

    /** Multi-line text as literal blocks ({@code |}), as Butane configs are written by hand. */
    private static final class ButaneRepresenter extends Representer {
        ButaneRepresenter(DumperOptions options) {
            super(options);
            Represent defaultString = representers.get(String.class);
            representers.put(String.class, data -> {
                String s = (String) data;
                // snakeyaml falls back to a quoted style by itself when a block cannot hold the text
                return s.indexOf('\n') >= 0 && StreamReader.isPrintable(s)
                        ? representScalar(Tag.STR, s, DumperOptions.ScalarStyle.LITERAL)
                        : defaultString.representData(data);
            });
            // A mode is written in decimal with its octal form as a comment: snakeyaml never emits a
            // plain 0644 (YAML 1.2 would read it as decimal 644), and 420 means the same everywhere.
            representers.put(ButaneConfig.FileMode.class, data -> {
                ButaneConfig.FileMode mode = (ButaneConfig.FileMode) data;
                Node node = representScalar(Tag.INT, Integer.toString(mode.bits()));
                node.setInLineComments(List.of(new CommentLine(null, null, " " + mode.octal(), CommentType.IN_LINE)));
                return node;
            });
        }
    }
}
