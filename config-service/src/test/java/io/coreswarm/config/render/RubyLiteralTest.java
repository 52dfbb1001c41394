package io.coreswarm.config.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RubyLiteralTest {

    static final List<String> HOSTILE = List.of("plain", "it's", "back\\slash", "\\'", "'; system('rm -rf /') #",
            "$(reboot)", "#{`id`}", "x\"\n  evil: 1", "tab\tend", "é ü 雪", "", "\\");

    @Test
    void writesSingleQuotedStrings() {
        assertEquals("'it\\'s'", RubyLiteral.string("it's"));
        assertEquals("'a\\\\b'", RubyLiteral.string("a\\b"));
        assertEquals("'#{x}'", RubyLiteral.string("#{x}"));
        assertEquals("42", RubyLiteral.integer(42));
        assertEquals("{}", RubyLiteral.stringHash(Map.of(), ""));
        assertEquals("{\n  'a' => 'b',\n  'c' => 'd'\n}", RubyLiteral.stringHash(ordered("a", "b", "c", "d"), ""));
    }

    /** ruby itself reads each literal back as the very same string. */
    @Test
    void rubyReadsTheLiteralsBackUnchanged(@TempDir Path dir) throws Exception {
        StringBuilder program = new StringBuilder("values = [\n");
        for (String value : HOSTILE) {
            program.append("  ").append(RubyLiteral.string(value)).append(",\n");
        }
        program.append("]\nhash = ").append(RubyLiteral.stringHash(ordered(HOSTILE.get(4), HOSTILE.get(7)), ""))
                .append("\nvalues << hash.keys.first << hash.values.first\n")
                .append("$stdout.write(values.map { |v| [v].pack('m0') }.join(\"\\n\"))\n");
        Path file = dir.resolve("literals.rb");
        Files.writeString(file, program);

        String out = ruby(file);
        List<String> expected = new java.util.ArrayList<>(HOSTILE);
        expected.add(HOSTILE.get(4));
        expected.add(HOSTILE.get(7));
        List<String> decoded = List.of(out.split("\n", -1)).stream()
                .map(b -> new String(java.util.Base64.getDecoder().decode(b), StandardCharsets.UTF_8)).toList();
        assertEquals(expected, decoded);
    }

    static Map<String, String> ordered(String... kv) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            map.put(kv[i], kv[i + 1]);
        }
        return map;
    }

    static String ruby(Path file) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(List.of("ruby", file.toString())).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new AssertionError("ruby failed: " + out);
        }
        return out;
    }
}
