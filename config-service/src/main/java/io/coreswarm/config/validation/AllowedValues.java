package io.coreswarm.config.validation;

import java.util.Arrays;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The {@code valid:"..."} tag of a coreos-cloudinit config field. Matched against the scalar as
 * written (so {@code off} stays "off", not YAML's boolean) and only when it is not empty, as
 * {@code config.AssertValid} does.
 *
 * @param pattern     matched against the whole value; Go's RE2 never backtracks, so every pattern
 *                    here must be free of nested ambiguous repetition (hence possessive quantifiers)
 * @param description what a valid value looks like, for the message
 */
record AllowedValues(Pattern pattern, String description) {

    static AllowedValues oneOf(String... values) {
        String alternatives = Arrays.stream(values).map(Pattern::quote).collect(Collectors.joining("|"));
        return new AllowedValues(Pattern.compile(alternatives), "one of " + String.join(", ", values));
    }

    static AllowedValues matching(String regex, String description) {
        return new AllowedValues(Pattern.compile(regex), description);
    }

    boolean admit(String value) {
        return value.isEmpty() || pattern.matcher(value).matches();
    }
}
