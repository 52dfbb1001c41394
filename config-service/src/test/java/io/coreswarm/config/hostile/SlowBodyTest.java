package io.coreswarm.config.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** A body that never finishes arriving holds its connection only until the read timeout (here 1 s). */
@QuarkusTest
@TestProfile(SlowBodyTest.ShortReadTimeout.class)
class SlowBodyTest {

    public static class ShortReadTimeout implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.read-timeout", "1s");
        }
    }

    @Test
    void aBodyShorterThanAnnouncedIsA408Problem() throws Exception {
        RawHttp.Answer a = RawHttp.send("POST /v1/validations/cloud-config HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: text/plain\r\nContent-Length: 1000\r\n\r\n", "#cloud-config\n".getBytes(), false);
        assertEquals(408, a.status(), a.toString());
        assertTrue(a.isProblem(), a.toString());
        assertTrue(a.millis() < 5000, a.toString());
    }

    @Test
    void aChunkedBodyThatNeverEndsIsA408Problem() throws Exception {
        RawHttp.Answer a = RawHttp.send("POST /v1/renderings HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n5\r\n{\"spe\r\n", null, false);
        assertEquals(408, a.status(), a.toString());
        assertTrue(a.isProblem(), a.toString());
    }
}
