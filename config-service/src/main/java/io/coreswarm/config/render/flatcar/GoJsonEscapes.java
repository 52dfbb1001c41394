package io.coreswarm.config.render.flatcar;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;

/**
 * String escaping as Go's encoding/json does it (Butane marshals Ignition with it): {@code <}, {@code >},
 * {@code &}, U+2028 and U+2029 as {@code \}{@code u00xx}, control characters other than
 * {@code \b \f \n \r \t} with lowercase hex. Jackson alone would write the HTML characters as they are.
 */
final class GoJsonEscapes extends CharacterEscapes {

    private final int[] ascii = CharacterEscapes.standardAsciiEscapesForJSON();

    GoJsonEscapes() {
        for (int c = 0; c < 0x20; c++) {
            if ("\b\f\n\r\t".indexOf(c) < 0) {
                ascii[c] = ESCAPE_CUSTOM;
            }
        }
        ascii['<'] = ESCAPE_CUSTOM;
        ascii['>'] = ESCAPE_CUSTOM;
        ascii['&'] = ESCAPE_CUSTOM;
    }

    @Override
    public int[] getEscapeCodesForAscii() {
        return ascii;
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
        if (ch < 0x80 || ch == 0x2028 || ch == 0x2029) {
            return new SerializedString(String.format("\\u%04x", ch));
        }
        return null;
    }
}
