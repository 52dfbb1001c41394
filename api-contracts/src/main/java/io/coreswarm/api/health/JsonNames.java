package io.coreswarm.api.health;

import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;

/**
 * Reads an enum by its JSON name only, the lowercase word its {@code toString()} (and
 * {@code @JsonValue}) gives: not by constant name, not by index ({@code 0}, {@code "0"}), not in
 * another case. Jackson's own enum reading accepts indexes, which the strings these enums replace
 * never did. Anything else fails as an {@link InvalidFormatException} on the enum type, which the
 * problem mappers answer with a 400 naming the field and the allowed values.
 */
public abstract class JsonNames<E extends Enum<E>> extends StdScalarDeserializer<E> {
    private static final long serialVersionUID = 1L;
    private final Map<String, E> byName = new LinkedHashMap<>();

    protected JsonNames(Class<E> type) {
        super(type);
        Arrays.stream(type.getEnumConstants()).forEach(e -> byName.put(e.toString(), e));
    }

    @Override
    public E deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_STRING) {
            E known = byName.get(p.getText());
            if (known != null) {
                return known;
            }
        }
        throw InvalidFormatException.from(p, "must be one of " + String.join(", ", byName.keySet()), p.getText(),
                handledType());
    }
}
