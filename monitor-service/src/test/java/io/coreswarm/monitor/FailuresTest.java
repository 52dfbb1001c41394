package io.coreswarm.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.http.HttpConnectTimeoutException;
import java.nio.channels.ClosedChannelException;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.Test;

import com.github.dockerjava.api.exception.DockerException;

class FailuresTest {
    static final Duration TWO = Duration.ofSeconds(2);

    @Test
    void theTellingCauseIsFoundAnywhereInTheChain() {
        ConnectException refused = new ConnectException();
        refused.initCause(new ClosedChannelException());
        assertEquals("connection refused", Failures.describe(new CompletionException(refused), TWO),
                "java.net.http: a refused connection wraps a ClosedChannelException");
        assertEquals("connection timed out", Failures.describe(new CompletionException(new HttpConnectTimeoutException("x")), TWO));
        assertEquals("no answer within 2s",
                Failures.describe(new RuntimeException("java.net.SocketTimeoutException: Read timed out", new SocketTimeoutException()), TWO));
        assertEquals("no answer within 1500ms", Failures.describe(new CompletionException(new TimeoutException()), Duration.ofMillis(1500)));
    }

    @Test
    void anEngineErrorIsItsOwnMessage() {
        DockerException e = new DockerException("Status 503: {\"message\":\"rpc error: code = Unknown desc = The swarm does not have a leader.\"}\n", 503);
        assertEquals("rpc error: code = Unknown desc = The swarm does not have a leader.", Failures.describe(e, TWO));
    }
}
