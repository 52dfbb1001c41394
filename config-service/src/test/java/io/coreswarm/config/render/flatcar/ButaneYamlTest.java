package io.coreswarm.config.render.flatcar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

class ButaneYamlTest {

    @Test
    void writesModesInDecimalWithTheOctalAsComment() {
        String yaml = ButaneYaml.write(new ButaneConfig(
                List.of(new ButaneConfig.File("/etc/x", ButaneConfig.FileMode.RW_R_R, true, "x\n")), List.of()));
        assertTrue(yaml.contains("\n      mode: 420 # 0644\n"), yaml);
        assertTrue(yaml.contains("\n        inline: |\n          x\n"), yaml);
    }

    @Test
    @SuppressWarnings("unchecked")
    void valuesThatLookLikeYamlStayValues() {
        List<String> hostile = List.of("a: b", "x\"\n  evil: 1", "- item", "true", "0644", "#c", "{a: 1}",
                "&anchor", "*alias", "!!python/object x", "trailing \n", "  lead", "");
        for (String value : hostile) {
            ButaneConfig config = new ButaneConfig(
                    List.of(new ButaneConfig.File("/etc/x", ButaneConfig.FileMode.RW_R_R, false, value)),
                    List.of(new ButaneConfig.Unit("u.service", true, value, List.of(new ButaneConfig.Dropin("d.conf", value)))));
            Map<String, Object> doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(ButaneYaml.write(config));
            assertEquals(List.of("variant", "version", "storage", "systemd"), List.copyOf(doc.keySet()), value);
            Map<String, Object> file = ((List<Map<String, Object>>) ((Map<String, Object>) doc.get("storage")).get("files")).get(0);
            assertEquals(value, ((Map<String, Object>) file.get("contents")).get("inline"));
            Map<String, Object> unit = ((List<Map<String, Object>>) ((Map<String, Object>) doc.get("systemd")).get("units")).get(0);
            assertEquals(value, unit.get("contents"));
            assertEquals(value, ((List<Map<String, Object>>) unit.get("dropins")).get(0).get("contents"));
        }
    }
}
