package io.coreswarm.monitor.etcd;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code Status} fields jetcd 0.8.5 does not expose. Its generated {@code StatusResponse}
 * predates etcd 3.4's raftAppliedIndex (field 7) and errors (field 8); protobuf keeps such fields
 * as unknown fields, which show in the message's text form as {@code 7: 1234} and
 * {@code 8: "text"}, and jetcd's response {@code toString()} is that text form. Nothing else
 * of the wrapped message is reachable. A later jetcd that knows the fields prints them by name
 * ({@code raftAppliedIndex: 1234}), which is read too.
 */
final class StatusExtras {
    private static final Pattern APPLIED = Pattern.compile("(?m)^\\s*(?:7|raftAppliedIndex): (\\d+)\\s*$");
    private static final Pattern ERROR = Pattern.compile("(?m)^\\s*(?:8|errors): \"((?:[^\"\\\\]|\\\\.)*)\"\\s*$");

    private StatusExtras() {
    }

    static Long raftAppliedIndex(String statusText) {
        Matcher m = APPLIED.matcher(statusText);
        return m.find() ? Long.valueOf(m.group(1)) : null;
    }

    static List<String> errors(String statusText) {
        List<String> errors = new ArrayList<>();
        Matcher m = ERROR.matcher(statusText);
        while (m.find()) {
            errors.add(m.group(1).replace("\\\"", "\"").replace("\\\\", "\\"));
        }
        return errors;
    }
}
