package io.coreswarm.provisioner.support;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.coreswarm.docker.TlsFiles;

/**
 * A TLS cluster's client certificate as a user on another machine gets it: {@code GET /certs},
 * unpacked with the real {@code tar} into a folder of the test's own.
 */
public final class ClusterCerts {
    private ClusterCerts() {
    }

    /** Downloads and unpacks the cluster's client folder into {@code target/certs/<cluster>}; checks the entries and their modes. */
    public static TlsFiles download(String cluster) throws Exception {
        byte[] tar = given().get("/v1/clusters/" + cluster + "/certs").then().statusCode(200)
                .contentType("application/x-tar").extract().asByteArray();
        Path dir = Path.of("target", "certs", cluster).toAbsolutePath();
        Files.createDirectories(dir);
        Path archive = dir.resolveSibling(cluster + ".tar");
        Files.write(archive, tar);
        // tar -tv: mode, owner, size, date, name; exactly the three files, the key 0600
        List<String> listing = run("tar", "-tvf", archive.toString()).lines().toList();
        assertEquals(3, listing.size(), String.join("\n", listing));
        assertTrue(listing.get(0).startsWith("-rw-r--r--") && listing.get(0).endsWith(" ca.pem"), listing.get(0));
        assertTrue(listing.get(1).startsWith("-rw-r--r--") && listing.get(1).endsWith(" cert.pem"), listing.get(1));
        assertTrue(listing.get(2).startsWith("-rw-------") && listing.get(2).endsWith(" key.pem"), listing.get(2));
        run("tar", "-xf", archive.toString(), "-C", dir.toString());
        Files.delete(archive);
        return new TlsFiles(dir);
    }

    static String run(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), String.join(" ", cmd) + " hung");
        assertEquals(0, p.exitValue(), String.join(" ", cmd) + ": " + out);
        return out;
    }
}
