package io.coreswarm.api.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiTokenFileTest {
    @TempDir
    Path home;

    @Test
    void theFirstStartMakesTheFileOwnerOnlyInADirectoryOfItsOwn() throws Exception {
        Path file = home.resolve("coreswarm").resolve("api-token");
        String token = ApiTokenFile.readOrCreate(file);

        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())));
        // 32 random bytes, URL-safe base64 without padding
        assertTrue(token.matches("[A-Za-z0-9_-]{43}"), "token shape");
        assertEquals(token + "\n", Files.readString(file));
        try (Stream<Path> left = Files.list(file.getParent())) {
            assertEquals(List.of(file), left.toList(), "no temporary file left");
        }
    }

    @Test
    void theNextStartReadsTheSameToken() throws Exception {
        Path file = home.resolve("api-token");
        String first = ApiTokenFile.readOrCreate(file);
        assertEquals(first, ApiTokenFile.readOrCreate(file));
        assertFalse(first.equals(ApiTokenFile.newToken()), "each new token is random");
    }

    @Test
    void servicesStartingTogetherEndUpWithOneToken() throws Exception {
        for (int round = 0; round < 20; round++) {
            Path file = home.resolve("race-" + round).resolve("api-token");
            int services = 6;
            CountDownLatch go = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(services);
            try {
                Callable<String> start = () -> {
                    go.await();
                    return ApiTokenFile.readOrCreate(file);
                };
                List<Future<String>> tokens = IntStream.range(0, services).mapToObj(i -> pool.submit(start)).toList();
                go.countDown();
                Set<String> distinct = tokens.stream().map(f -> {
                    try {
                        return f.get();
                    } catch (Exception e) {
                        throw new AssertionError(e);
                    }
                }).collect(Collectors.toSet());
                assertEquals(Set.of(Files.readString(file).strip()), distinct, "round " + round);
                try (Stream<Path> left = Files.list(file.getParent())) {
                    assertEquals(List.of(file), left.toList(), "no temporary file left");
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void aConfiguredTokenWinsAndTheFileIsNeitherReadNorMade() throws Exception {
        Path file = home.resolve("api-token");
        ApiToken configured = new ApiToken(config(Optional.of("configured-token-0123456789"), file));
        assertTrue(configured.matches("configured-token-0123456789"));
        assertFalse(Files.exists(file));

        String fromFile = ApiTokenFile.readOrCreate(file);
        ApiToken stillConfigured = new ApiToken(config(Optional.of("configured-token-0123456789"), file));
        assertFalse(stillConfigured.matches(fromFile));
        assertTrue(new ApiToken(config(Optional.empty(), file)).matches(fromFile));
    }

    @Test
    void theTokenIsComparedWholeAndNeverShown() {
        ApiToken token = new ApiToken(config(Optional.of("configured-token-0123456789"), home.resolve("x")));
        assertFalse(token.matches(null));
        assertFalse(token.matches(""));
        assertFalse(token.matches("configured-token-012345678"));
        assertFalse(token.matches("configured-token-01234567890"));
        assertFalse(token.matches("CONFIGURED-TOKEN-0123456789"));
        assertFalse(token.toString().contains("configured"));
        assertEquals("Bearer configured-token-0123456789", token.authorizationHeader());
    }

    @Test
    void aShortOrBlankTokenIsRefusedAtStartWithoutShowingIt() {
        for (String bad : List.of("short-secret", "has a space in it, long enough", "")) {
            Path file = home.resolve("api-token");
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> new ApiToken(config(Optional.of(bad), file)));
            assertTrue(e.getMessage().contains("at least 16 visible ASCII characters"), e.getMessage());
            assertFalse(!bad.isEmpty() && e.getMessage().contains(bad), e.getMessage());
        }
    }

    static ApiConfig config(Optional<String> token, Path file) {
        return new ApiConfig() {
            @Override
            public Optional<String> token() {
                return token;
            }

            @Override
            public Path tokenFile() {
                return file;
            }

            @Override
            public NonLoopback nonLoopback() {
                return NonLoopback.API;
            }
        };
    }
}
