package io.coreswarm.config.render.flatcar;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Compiles Butane YAML ({@code variant: flatcar}, {@code version: 1.0.0}) into the Ignition 3.3.0
 * JSON that {@code butane} would print for it, for the subset coreswarm writes: {@code storage.files}
 * with {@code path}, {@code mode}, {@code overwrite}, {@code user.name} and {@code contents.inline}
 * or {@code contents.local}, and {@code systemd.units} with {@code name}, {@code enabled},
 * {@code contents} and {@code dropins}. Anything else is refused rather than silently dropped.
 *
 * <p>A file with {@code contents.local} is read by {@code butane --files-dir DIR} from DIR; this
 * compiler has no such directory (config-service holds no node's keys), so {@link #compile} refuses
 * it and {@link #compileWithoutLocalFiles} leaves it out, for whoever holds the files to add.
 *
 * <p>Like Butane: inline contents become data URLs ({@link DataUrl}) with an explicit
 * {@code compression}, keys come in the order of Ignition's Go types, and the JSON is compact and
 * escaped as Go's encoding/json does it.
 */
public final class ButaneCompiler {

    public static final String IGNITION_VERSION = "3.3.0";

    private static final ObjectMapper JSON = new ObjectMapper();
    static {
        JSON.getFactory().setCharacterEscapes(new GoJsonEscapes());
    }

    private ButaneCompiler() {
    }

    /** The Ignition config as butane prints it, newline-terminated; a {@code contents.local} file is refused. */
    public static String compile(String butaneYaml) {
        return write(toIgnition(butaneYaml, false));
    }

    /**
     * The Ignition config as butane prints it, without the files whose contents are {@code local}:
     * what {@code butane --files-dir} would print, less those entries (they come last in coreswarm's
     * configs, so adding them at the end of {@code storage.files} gives butane's order).
     */
    public static String compileWithoutLocalFiles(String butaneYaml) {
        return write(toIgnition(butaneYaml, true));
    }

    public static ObjectNode toIgnition(String butaneYaml) {
        return toIgnition(butaneYaml, false);
    }

    private static String write(ObjectNode ignition) {
        try {
            return JSON.writeValueAsString(ignition) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write Ignition JSON", e);
        }
    }

    private static ObjectNode toIgnition(String butaneYaml, boolean leaveOutLocal) {
        Object doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(butaneYaml);
        Map<String, Object> root = map(doc, "$");
        onlyKeys(root, "$", "variant", "version", "storage", "systemd");
        require(ButaneConfig.VARIANT.equals(root.get("variant")), "$.variant must be " + ButaneConfig.VARIANT);
        require(ButaneConfig.VERSION.equals(root.get("version")), "$.version must be " + ButaneConfig.VERSION);

        ObjectNode ignition = JSON.createObjectNode();
        ignition.putObject("ignition").put("version", IGNITION_VERSION);
        if (root.containsKey("storage")) {
            ignition.set("storage", storage(map(root.get("storage"), "$.storage"), leaveOutLocal));
        }
        if (root.containsKey("systemd")) {
            ignition.set("systemd", systemd(map(root.get("systemd"), "$.systemd")));
        }
        return ignition;
    }

    private static ObjectNode storage(Map<String, Object> storage, boolean leaveOutLocal) {
        onlyKeys(storage, "$.storage", "files");
        ObjectNode out = JSON.createObjectNode();
        ArrayNode files = out.putArray("files");
        List<Object> list = list(storage.get("files"), "$.storage.files");
        for (int i = 0; i < list.size(); i++) {
            String at = "$.storage.files[" + i + "]";
            Map<String, Object> file = map(list.get(i), at);
            onlyKeys(file, at, "path", "mode", "overwrite", "user", "contents");
            Map<String, Object> contents = file.containsKey("contents") ? map(file.get("contents"), at + ".contents") : Map.of();
            onlyKeys(contents, at + ".contents", "inline", "local");
            require(!(contents.containsKey("inline") && contents.containsKey("local")),
                    at + ".contents takes inline or local, not both");
            if (contents.containsKey("local")) {
                string(contents.get("local"), at + ".contents.local");
                require(leaveOutLocal, at + ".contents.local needs butane --files-dir: config-service holds no such files"
                        + " (compileWithoutLocalFiles leaves them out for whoever holds them)");
                continue;
            }
            // Ignition's Go type: Node {group, overwrite, path, user}, then {append, contents, mode}
            ObjectNode f = files.addObject();
            if (file.containsKey("overwrite")) {
                f.put("overwrite", bool(file.get("overwrite"), at + ".overwrite"));
            }
            f.put("path", string(file.get("path"), at + ".path"));
            if (file.containsKey("user")) {
                Map<String, Object> user = map(file.get("user"), at + ".user");
                onlyKeys(user, at + ".user", "name");
                f.putObject("user").put("name", string(user.get("name"), at + ".user.name"));
            }
            if (contents.containsKey("inline")) {
                DataUrl url = DataUrl.of(string(contents.get("inline"), at + ".contents.inline")
                        .getBytes(StandardCharsets.UTF_8));
                f.putObject("contents").put("compression", url.compression()).put("source", url.source());
            }
            if (file.containsKey("mode")) {
                f.put("mode", integer(file.get("mode"), at + ".mode"));
            }
        }
        return out;
    }

    private static ObjectNode systemd(Map<String, Object> systemd) {
        onlyKeys(systemd, "$.systemd", "units");
        ObjectNode out = JSON.createObjectNode();
        ArrayNode units = out.putArray("units");
        List<Object> list = list(systemd.get("units"), "$.systemd.units");
        for (int i = 0; i < list.size(); i++) {
            String at = "$.systemd.units[" + i + "]";
            Map<String, Object> unit = map(list.get(i), at);
            onlyKeys(unit, at, "name", "enabled", "contents", "dropins");
            // Ignition's Go type: {contents, dropins, enabled, mask, name}
            ObjectNode u = units.addObject();
            if (unit.containsKey("contents")) {
                u.put("contents", string(unit.get("contents"), at + ".contents"));
            }
            if (unit.containsKey("dropins")) {
                ArrayNode dropins = u.putArray("dropins");
                List<Object> ds = list(unit.get("dropins"), at + ".dropins");
                for (int j = 0; j < ds.size(); j++) {
                    String dat = at + ".dropins[" + j + "]";
                    Map<String, Object> dropin = map(ds.get(j), dat);
                    onlyKeys(dropin, dat, "name", "contents");
                    ObjectNode d = dropins.addObject();
                    if (dropin.containsKey("contents")) {
                        d.put("contents", string(dropin.get("contents"), dat + ".contents"));
                    }
                    d.put("name", string(dropin.get("name"), dat + ".name"));
                }
            }
            if (unit.containsKey("enabled")) {
                u.put("enabled", bool(unit.get("enabled"), at + ".enabled"));
            }
            u.put("name", string(unit.get("name"), at + ".name"));
        }
        return out;
    }

    private static void onlyKeys(Map<String, Object> map, String at, String... allowed) {
        Set<String> known = Set.of(allowed);
        for (String key : map.keySet()) {
            require(known.contains(key), at + "." + key + " is not in the Butane subset coreswarm compiles");
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value, String at) {
        require(value instanceof Map<?, ?> m && m.keySet().stream().allMatch(String.class::isInstance),
                at + " must be a mapping");
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value, String at) {
        require(value instanceof List<?>, at + " must be a list");
        return (List<Object>) value;
    }

    private static String string(Object value, String at) {
        require(value instanceof String, at + " must be a string");
        return (String) value;
    }

    private static boolean bool(Object value, String at) {
        require(value instanceof Boolean, at + " must be true or false");
        return (Boolean) value;
    }

    private static int integer(Object value, String at) {
        require(value instanceof Integer, at + " must be an integer");
        return (Integer) value;
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
