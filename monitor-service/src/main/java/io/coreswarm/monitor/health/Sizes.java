package io.coreswarm.monitor.health;

import java.math.BigDecimal;
import java.math.MathContext;

/** Sizes as Docker prints them (go-units BytesSize): four significant digits, binary units, "1.022 GiB". */
final class Sizes {
    private static final String[] UNITS = {"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};

    private Sizes() {
    }

    static String bytes(long bytes) {
        double size = bytes;
        int unit = 0;
        while (size >= 1024 && unit < UNITS.length - 1) {
            size /= 1024;
            unit++;
        }
        String digits = new BigDecimal(size).round(new MathContext(4)).stripTrailingZeros().toPlainString();
        return digits + " " + UNITS[unit];
    }
}
