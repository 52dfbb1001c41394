package io.coreswarm.config.render;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class RenderingResourceTest {

    @Test
    void rendersTheLocalTargetAsJsonWithDefaultsFilledIn() {
        given().contentType("application/json").body("{\"spec\":{\"name\":\"demo\"}}")
                .when().post("/v1/renderings")
                .then().statusCode(200).contentType("application/json")
                .body("spec.nodes", equalTo(5))
                .body("spec.target", equalTo("local"))
                .body("spec.provider", equalTo("docker"))
                .body("spec.managers", equalTo(5))
                .body("discoveryUrl", matchesPattern("http://172\\.29\\.\\d+\\.1:\\d+/v1/discovery/[0-9a-f]{32}"))
                .body("files.path", contains("Vagrantfile", "node/start.sh", "node/daemon.json"))
                .body("files.mode", contains("0644", "0755", "0644"));
    }

    @Test
    void keepsAGivenDiscoveryUrlAndSubnet() {
        given().contentType("application/json")
                .body("{\"spec\":{\"name\":\"demo\",\"nodes\":3},\"discoveryUrl\":\"http://172.29.9.1:8081/v1/discovery/abc\",\"subnet\":\"172.29.9.0/24\"}")
                .when().post("/v1/renderings")
                .then().statusCode(200)
                .body("discoveryUrl", equalTo("http://172.29.9.1:8081/v1/discovery/abc"))
                .body("subnet", equalTo("172.29.9.0/24"));
    }

    /** Every rendering without TLS says the cluster is open; coreos-legacy's seed files stay as they were, so the notes say it. */
    @Test
    void notesSayWhenAClusterIsOpenAndWhereTlsFilesComeFrom() {
        String discovery = ",\"discoveryUrl\":\"http://172.17.8.1:8081/v1/discovery/abc\"}";
        given().contentType("application/json").body("{\"spec\":{\"name\":\"seed\",\"target\":\"coreos-legacy\"}" + discovery)
                .when().post("/v1/renderings")
                .then().statusCode(200)
                .body("spec.tls", equalTo(false))
                .body("notes", contains("OPEN: \"tls\" is false. Every node's Docker API (TCP 2375) and etcd (2379, 2380)"
                        + " serve anyone who reaches them, without TLS or authentication."));
        given().contentType("application/json").body("{\"spec\":{\"name\":\"fc\",\"target\":\"flatcar\",\"nodes\":1}" + discovery)
                .when().post("/v1/renderings")
                .then().statusCode(200)
                .body("spec.tls", equalTo(true))
                .body("spec.dockerPort", equalTo(2376))
                .body("notes", contains(startsWith("TLS: each flatcar/core-NN.ign lacks the node's TLS files")));
        given().contentType("application/json")
                .body("{\"spec\":{\"name\":\"fc\",\"target\":\"flatcar\",\"nodes\":1,\"tls\":false}" + discovery)
                .when().post("/v1/renderings")
                .then().statusCode(200)
                .body("notes", contains(startsWith("OPEN: \"tls\" is false. Every node's Docker API (TCP 2375)")));
        given().contentType("application/json")
                .body("{\"spec\":{\"name\":\"seed\",\"target\":\"coreos-legacy\",\"tls\":true}" + discovery)
                .when().post("/v1/renderings")
                .then().statusCode(200)
                .body("notes", contains(startsWith("TLS: the Vagrantfile copies node core-NN's")));
    }

    /** The promise of the tar form: {@code curl ... | tar x} gives a folder Vagrant accepts. */
    @Test
    void tarOfTheLocalTargetExtractsToAFolderThatVagrantValidates() throws Exception {
        byte[] tar = given().contentType("application/json").accept("application/x-tar")
                .body("{\"spec\":{\"name\":\"tarred\",\"nodes\":3,\"labels\":{\"zone\":\"a\"}}}")
                .when().post("/v1/renderings")
                .then().statusCode(200).contentType("application/x-tar")
                .header("Content-Disposition", equalTo("attachment; filename=\"tarred.tar\""))
                .extract().asByteArray();
        Path dir = Files.createDirectories(Path.of("target", "rendered-local"));
        run(dir, tar, "tar", "x");
        assertEquals("rwxr-xr-x", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("node/start.sh"))));
        String validate = run(dir, null, "vagrant", "validate");
        assertTrue(validate.contains("Vagrantfile validated successfully."), validate);
        String status = run(dir, null, "vagrant", "status", "--machine-readable");
        assertTrue(status.contains(",core-03,provider-name,docker"), status);
    }

    @Test
    void rendersCoreosLegacyForTheSeed() {
        given().contentType("application/json").body("{\"spec\":{\"name\":\"seed\",\"target\":\"coreos-legacy\"}}")
                .when().post("/v1/renderings")
                .then().statusCode(200)
                .body("spec.provider", equalTo("virtualbox"))
                .body("files.path", contains("Vagrantfile", "config.rb", "user-data"));
    }

    static String run(Path dir, byte[] stdin, String... command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().put("VAGRANT_CHECKPOINT_DISABLE", "1");
        Process p = pb.start();
        if (stdin != null) {
            new ByteArrayInputStream(stdin).transferTo(p.getOutputStream());
        }
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), () -> String.join(" ", command) + " failed:\n" + out);
        return out;
    }
}
