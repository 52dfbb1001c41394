package io.coreswarm.config.validation;

import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.coreswarm.api.validation.UserDataFormat;

/**
 * What coreos-cloudinit takes user-data for. Like its {@code IsScript}, {@code IsCloudConfig} and
 * {@code IsMultipartMime}, only the very first line counts: a cloud-config whose header sits on
 * line 2 is not a cloud-config to it, and the machine would not apply it.
 */
final class UserDataHeader {
    static final String CLOUD_CONFIG = "#cloud-config";
    static final String UNRECOGNIZED_MESSAGE = "must be \"#cloud-config\", multipart mime or begin with \"#!\"";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private UserDataHeader() {
    }

    static UserDataFormat formatOf(String userData) {
        String first = userData.split("\n", 2)[0];
        if (first.startsWith("#!")) {
            return UserDataFormat.SCRIPT;
        }
        if (isIgnition(userData)) {
            return UserDataFormat.IGNITION;
        }
        // Flatcar's cloudinit trims trailing white space (and so a CR) off the header line
        if (first.stripTrailing().equals(CLOUD_CONFIG)) {
            return UserDataFormat.CLOUD_CONFIG;
        }
        if (first.contains("Content-Type: multipart/mixed;")) {
            return UserDataFormat.MULTIPART_MIME;
        }
        return UserDataFormat.UNRECOGNIZED;
    }

    /**
     * For a document coreos-cloudinit does not recognize although its author clearly meant a
     * cloud-config (blank lines or a byte-order mark before the header): why the header is missed.
     */
    static Optional<String> whyHeaderIsMissed(String userData) {
        boolean byteOrderMark = !userData.isEmpty() && userData.charAt(0) == BYTE_ORDER_MARK;
        String[] lines = (byteOrderMark ? userData.substring(1) : userData).split("\n", -1);
        int index = 0;
        while (index < lines.length && lines[index].isBlank()) {
            index++;
        }
        if (index == lines.length || !lines[index].stripTrailing().equals(CLOUD_CONFIG)) {
            return Optional.empty();
        }
        if (index > 0) {
            return Optional.of("\"#cloud-config\" is on line " + (index + 1)
                    + " but coreos-cloudinit reads the header from line 1 only; remove the blank lines before it");
        }
        return Optional.of("a byte-order mark precedes \"#cloud-config\"; save the file as UTF-8 without BOM");
    }

    /** coreos-cloudinit's IsIgnitionConfig: a JSON object with an ignitionVersion or ignition.version. */
    private static boolean isIgnition(String userData) {
        if (!userData.stripLeading().startsWith("{")) {
            return false;
        }
        try {
            JsonNode json = JSON.readTree(userData);
            return json != null && (json.path("ignitionVersion").isInt() || json.path("ignition").path("version").isTextual());
        } catch (JsonProcessingException e) {
            return false;
        }
    }
}
