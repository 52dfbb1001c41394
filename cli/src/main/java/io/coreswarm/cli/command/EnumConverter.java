package io.coreswarm.cli.command;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads an api-contracts enum by its JSON name ({@code coreos-legacy}), as the services spell it. */
abstract class EnumConverter<E extends Enum<E>> implements ITypeConverter<E> {
    private final Class<E> type;

    EnumConverter(Class<E> type) {
        this.type = type;
    }

    @Override
    public E convert(String value) {
        for (E constant : type.getEnumConstants()) {
            if (constant.toString().equalsIgnoreCase(value) || constant.name().equalsIgnoreCase(value.replace('-', '_'))) {
                return constant;
            }
        }
        throw new TypeConversionException("'" + value + "' is not one of " + names());
    }

    String names() {
        return Arrays.stream(type.getEnumConstants()).map(c -> c.toString().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", "));
    }

    static final class TargetConverter extends EnumConverter<io.coreswarm.api.spec.Target> {
        TargetConverter() {
            super(io.coreswarm.api.spec.Target.class);
        }
    }

    static final class ProviderConverter extends EnumConverter<io.coreswarm.api.spec.Provider> {
        ProviderConverter() {
            super(io.coreswarm.api.spec.Provider.class);
        }
    }

    static final class ChannelConverter extends EnumConverter<io.coreswarm.api.spec.Channel> {
        ChannelConverter() {
            super(io.coreswarm.api.spec.Channel.class);
        }
    }
}
