package io.coreswarm.cli.client;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import io.coreswarm.cli.exit.CliFailure;
import io.coreswarm.cli.exit.ExitCode;

/**
 * The services' bearer token, found as the services keep it: {@code CORESWARM_API_TOKEN}, else
 * the file {@code $CORESWARM_HOME/api-token} ({@code CORESWARM_HOME} defaults to
 * {@code ~/.coreswarm}), which the first service to start makes. None: calls go without one
 * (services without a token gate still answer). The value is never printed: {@link #toString()}
 * does not show it, and no message names it.
 */
public final class ApiToken {
    private final String value;

    private ApiToken(String value) {
        this.value = value;
    }

    public static Optional<ApiToken> resolve(Map<String, String> env) {
        String given = env.get("CORESWARM_API_TOKEN");
        if (given != null && !given.isBlank()) {
            return Optional.of(new ApiToken(given.strip()));
        }
        String home = env.get("CORESWARM_HOME");
        Path dir = home == null || home.isBlank() ? Path.of(System.getProperty("user.home"), ".coreswarm") : Path.of(home);
        Path file = dir.resolve("api-token");
        try {
            String read = Files.readString(file).strip();
            return read.isEmpty() ? Optional.empty() : Optional.of(new ApiToken(read));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new CliFailure(ExitCode.USAGE, "cannot read the API token file " + file + ": " + e.getClass().getSimpleName());
        }
    }

    String authorization() {
        return "Bearer " + value;
    }

    @Override
    public String toString() {
        return "ApiToken[hidden]";
    }
}
