package io.coreswarm.config.render.flatcar;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.GZIPInputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads a rendered Ignition config the way Ignition does, independently of the code under test. */
record Ignition(JsonNode root) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static Ignition parse(String json) {
        try {
            return new Ignition(JSON.readTree(json));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String version() {
        return root.path("ignition").path("version").asText();
    }

    JsonNode file(String path) {
        for (JsonNode f : root.path("storage").path("files")) {
            if (f.path("path").asText().equals(path)) {
                return f;
            }
        }
        throw new AssertionError("no file " + path + " in " + root);
    }

    String fileContents(String path) {
        JsonNode contents = file(path).path("contents");
        return decode(contents.path("source").asText(), contents.path("compression").asText());
    }

    JsonNode unit(String name) {
        for (JsonNode u : root.path("systemd").path("units")) {
            if (u.path("name").asText().equals(name)) {
                return u;
            }
        }
        throw new AssertionError("no unit " + name + " in " + root);
    }

    String dropin(String unit, String name) {
        for (JsonNode d : unit(unit).path("dropins")) {
            if (d.path("name").asText().equals(name)) {
                return d.path("contents").asText();
            }
        }
        throw new AssertionError("no drop-in " + name + " of " + unit);
    }

    /** RFC 2397 data URL, optionally gzip-compressed as Ignition's {@code compression: gzip}. */
    static String decode(String source, String compression) {
        byte[] bytes;
        if (source.startsWith("data:,")) {
            bytes = URLDecoder.decode(source.substring("data:,".length()), StandardCharsets.UTF_8)
                    .getBytes(StandardCharsets.UTF_8);
        } else if (source.startsWith("data:;base64,")) {
            bytes = Base64.getDecoder().decode(source.substring("data:;base64,".length()));
        } else {
            throw new AssertionError("not an inline data URL: " + source);
        }
        if ("gzip".equals(compression)) {
            try (var in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
                bytes = in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
