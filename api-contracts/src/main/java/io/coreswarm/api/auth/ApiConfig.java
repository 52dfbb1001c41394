package io.coreswarm.api.auth;

import java.nio.file.Path;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The API token's configuration, the same in every service. */
@ConfigMapping(prefix = "coreswarm.api")
public interface ApiConfig {

    /**
     * The token, when given: then {@link #tokenFile()} is neither read nor written. At least
     * {@value ApiToken#MIN_LENGTH} visible ASCII characters.
     */
    Optional<String> token();

    /**
     * Where the token is kept when {@link #token()} is not set: read if present, made at first start
     * otherwise (mode 0600, its directory 0700 if made). {@code CORESWARM_HOME} (default
     * {@code ~/.coreswarm}) is shared by all three services, so they share one token.
     */
    @WithDefault("${CORESWARM_HOME:${user.home}/.coreswarm}/api-token")
    Path tokenFile();

    /** What a request arriving on a non-loopback local address may reach; see {@link NonLoopback}. */
    @WithDefault("api")
    NonLoopback nonLoopback();
}
