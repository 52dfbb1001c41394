package io.coreswarm.config.render.flatcar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SystemdEnvironmentTest {

    @Test
    void escapesWhatSystemdWouldInterpret() {
        assertEquals("Environment=\"A=http://h/a%%2Fb\"\nEnvironment=\"B=q\\\"\\\\\\x0a[Service]\"\n",
                new SystemdEnvironment().set("A", "http://h/a%2Fb").set("B", "q\"\\\n[Service]").lines());
    }

    @Test
    void refusesOddVariableNames() {
        assertThrows(IllegalArgumentException.class, () -> new SystemdEnvironment().set("A=B", "x"));
    }
}
