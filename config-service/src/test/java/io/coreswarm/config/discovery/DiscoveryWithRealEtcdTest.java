package io.coreswarm.config.discovery;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.coreswarm.testsupport.EtcdProcess;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;

/**
 * The proof: real etcd 3.4 processes bootstrap a cluster through a token this service minted,
 * and one more member on the same token is turned away because the cluster is full.
 */
@QuarkusTest
@TestProfile(DiscoveryTestProfile.class)
class DiscoveryWithRealEtcdTest {
    private static final List<EtcdProcess> STARTED = new ArrayList<>();
    private static final ObjectMapper JSON = new ObjectMapper();

    @AfterAll
    static void stopEtcds() {
        for (EtcdProcess etcd : STARTED) {
            etcd.close();
        }
        STARTED.clear();
    }

    @Test
    void threeEtcdsFormAClusterThroughOneTokenAndAFourthIsRefused() throws Exception {
        String minted = given().queryParam("size", 3).get("/v1/discovery/new").then().statusCode(200).extract().asString();
        assertTrue(minted.startsWith(DiscoveryTestProfile.BASE_URL), minted);
        // the profile's base URL stands for "where nodes reach us"; here they reach us on loopback
        String token = minted.substring(minted.lastIndexOf('/') + 1);
        String url = "http://127.0.0.1:" + RestAssured.port + "/v1/discovery/" + token;
        Path work = Files.createDirectories(Path.of("target", "etcd-discovery", token));

        // n1 alone first: it registers, then waits with wait=true polls that time out after 1 s
        // (the profile) and are asked again, until n2's write answers one of them
        List<EtcdProcess> members = new ArrayList<>();
        members.add(start("n1", url, work));
        awaitRegistrations(token, 1, members.get(0));
        Thread.sleep(2500);
        assertTrue(members.get(0).isAlive());
        members.add(start("n2", url, work));
        members.add(start("n3", url, work));

        JsonNode list = awaitStartedMembers(members, 3, 90);
        Set<String> names = new TreeSet<>();
        for (JsonNode m : list.get("members")) {
            names.add(m.path("name").asText());
        }
        assertEquals(Set.of("n1", "n2", "n3"), names);
        Set<String> clientUrls = new TreeSet<>();
        list.get("members").forEach(m -> m.get("clientURLs").forEach(u -> clientUrls.add(u.asText())));
        assertEquals(members.stream().map(EtcdProcess::clientUrl).collect(Collectors.toSet()), clientUrls);

        // the token lists the three registrations, name=peerURL each, and hides _config
        List<String> registered = given().get("/v1/discovery/" + token).then().statusCode(200)
                .extract().jsonPath().getList("node.nodes.value");
        assertEquals(members.stream().map(m -> m.name() + "=" + m.peerUrl()).collect(Collectors.toSet()),
                new TreeSet<>(registered));

        EtcdProcess fourth = start("n4", url, work, "--discovery-fallback", "exit");
        Integer exit = fourth.exitWithin(60);
        assertNotNull(exit, "a fourth member on a full token must give up, not wait; its log:\n" + fourth.output());
        assertNotEquals(0, exit, fourth.output());
        assertTrue(fourth.output().contains("cluster is full"), fourth.output());

        assertEquals(3, given().get("/v1/discovery/" + token).then().statusCode(200)
                .extract().jsonPath().getList("node.nodes").size(), "the refused member did not register");
        assertEquals(3, memberList(members).get("members").size(), "the cluster still has three members");
    }

    private static EtcdProcess start(String name, String url, Path work, String... extraArgs) throws IOException {
        List<String> bootstrap = new ArrayList<>(List.of("--discovery", url));
        bootstrap.addAll(List.of(extraArgs));
        EtcdProcess etcd = EtcdProcess.start(name, work, bootstrap);
        STARTED.add(etcd);
        return etcd;
    }

    private static void awaitRegistrations(String token, int count, EtcdProcess etcd) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            // an empty directory has no "nodes" at all
            List<Object> nodes = given().get("/v1/discovery/" + token).then().statusCode(200).extract()
                    .jsonPath().getList("node.nodes");
            if (nodes != null && nodes.size() >= count) {
                return;
            }
            if (!etcd.isAlive()) {
                fail(etcd.name() + " exited; its log:\n" + etcd.output());
            }
            Thread.sleep(200);
        }
        fail(etcd.name() + " did not register within 30 s; its log:\n" + etcd.output());
    }

    /** Polls {@code etcdctl member list} until {@code count} members have started (have a name). */
    private static JsonNode awaitStartedMembers(List<EtcdProcess> members, int count, long seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        String last = "";
        while (System.nanoTime() < deadline) {
            for (EtcdProcess m : members) {
                if (!m.isAlive()) {
                    fail(m.name() + " exited; its log:\n" + m.output());
                }
            }
            try {
                JsonNode list = memberList(members);
                last = list.toString();
                long started = 0;
                for (JsonNode m : list.path("members")) {
                    if (!m.path("name").asText().isEmpty() && m.path("clientURLs").size() > 0) {
                        started++;
                    }
                }
                if (started == count && list.path("members").size() == count) {
                    return list;
                }
            } catch (IllegalStateException notYet) {
                last = notYet.getMessage();
            }
            Thread.sleep(500);
        }
        StringBuilder logs = new StringBuilder();
        members.forEach(m -> logs.append("\n--- ").append(m.name()).append(" ---\n").append(m.output()));
        return fail("no " + count + "-member cluster within " + seconds + " s; last answer: " + last + logs);
    }

    private static JsonNode memberList(List<EtcdProcess> members) throws IOException, InterruptedException {
        String endpoints = members.stream().map(EtcdProcess::clientUrl).collect(Collectors.joining(","));
        Process p = new ProcessBuilder("etcdctl", "--endpoints", endpoints, "--dial-timeout", "2s",
                "--command-timeout", "5s", "member", "list", "-w", "json")
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(15, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("etcdctl timed out");
        }
        if (p.exitValue() != 0) {
            throw new IllegalStateException("etcdctl exited " + p.exitValue() + ": " + out.trim());
        }
        return JSON.readTree(out);
    }
}
