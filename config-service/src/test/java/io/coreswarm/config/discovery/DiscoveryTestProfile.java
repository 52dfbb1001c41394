package io.coreswarm.config.discovery;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * Both discovery settings changed: token URLs point elsewhere, and polls are held for one second
 * only, so that tests see polls time out. Shared so that Quarkus starts once for these classes.
 */
public class DiscoveryTestProfile implements QuarkusTestProfile {
    static final String BASE_URL = "http://10.0.0.1:8081";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("coreswarm.discovery.base-url", BASE_URL,
                "coreswarm.discovery.wait-timeout", "1s");
    }
}
