package io.coreswarm.config.discovery;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** The HTTP shapes etcd's discovery client relies on, and coreswarm's own 400s. */
@QuarkusTest
class DiscoveryResourceTest {

    private static String mint(int size) {
        String url = given().queryParam("size", size).get("/v1/discovery/new")
                .then().statusCode(200).extract().asString();
        return url.substring(url.lastIndexOf('/') + 1);
    }

    private static long etcdIndex(Response r) {
        return Long.parseLong(r.header("X-Etcd-Index"));
    }

    @Test
    void newAnswersATokenUrlInPlainText() {
        given().get("/v1/discovery/new")
                .then().statusCode(200)
                .contentType(containsString("text/plain"))
                .body(matchesPattern("http://localhost:\\d+/v1/discovery/[0-9a-f]{32}"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "/v1/discovery/new", "/v1/discovery/new?size=" })
    void theSizeDefaultsToThree(String newUrl) {
        String url = given().get(newUrl).then().statusCode(200).extract().asString();
        given().get(url.substring(url.indexOf("/v1/")) + "/_config/size")
                .then().statusCode(200).body("node.value", equalTo("3"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "abc", "0", "100", "-1", "2.5", " ", "３", "+3", "99999999999999999999" })
    void aBadSizeIsAProblemNamingSize(String size) {
        given().queryParam("size", size).get("/v1/discovery/new")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("violations", hasSize(1))
                .body("violations[0].field", equalTo("size"))
                .body("violations[0].rule", equalTo("must be an integer from 1 to 99"));
    }

    @Test
    void aMemberRegistersOnceAndIsListedWithoutTheHiddenConfig() {
        String token = mint(3);
        String root = "/v1/discovery/" + token;

        given().get(root).then().statusCode(200)
                .contentType(ContentType.JSON)
                .header("X-Etcd-Index", notNullValue())
                .body("action", equalTo("get"))
                .body("node.key", equalTo("/" + token))
                .body("node.dir", equalTo(true))
                .body("node.nodes", nullValue());

        given().get(root + "/_config/size").then().statusCode(200)
                .body("node.key", equalTo("/" + token + "/_config/size"))
                .body("node.value", equalTo("3"));

        // exactly how etcd registers: PUT ?prevExist=false with a form body
        Response created = given().contentType(ContentType.URLENC).formParam("value", "n1=http://127.0.0.1:2380")
                .queryParam("prevExist", "false").put(root + "/8e9e05c52164694d");
        created.then().statusCode(201)
                .body("action", equalTo("create"))
                .body("node.key", equalTo("/" + token + "/8e9e05c52164694d"))
                .body("node.value", equalTo("n1=http://127.0.0.1:2380"))
                .body("node.dir", nullValue())
                .body("prevNode", nullValue());
        long index = etcdIndex(created);
        assertEquals(index, created.jsonPath().getLong("node.createdIndex"));
        assertEquals(index, created.jsonPath().getLong("node.modifiedIndex"));

        given().contentType(ContentType.URLENC).formParam("value", "n1=http://127.0.0.1:2381")
                .queryParam("prevExist", "false").put(root + "/8e9e05c52164694d")
                .then().statusCode(412)
                .contentType(ContentType.JSON)
                .header("X-Etcd-Index", String.valueOf(index))
                .body("errorCode", equalTo(105))
                .body("message", equalTo("Key already exists"))
                .body("cause", equalTo("/" + token + "/8e9e05c52164694d"))
                .body("index", equalTo((int) index));

        given().queryParam("recursive", "true").get(root).then().statusCode(200)
                .body("node.nodes", hasSize(1))
                .body("node.nodes[0].key", equalTo("/" + token + "/8e9e05c52164694d"))
                .body("node.nodes[0].value", equalTo("n1=http://127.0.0.1:2380"));

        given().delete(root + "/8e9e05c52164694d").then().statusCode(200)
                .body("action", equalTo("delete"))
                .body("prevNode.value", equalTo("n1=http://127.0.0.1:2380"));
        given().get(root + "/8e9e05c52164694d").then().statusCode(404)
                .body("errorCode", equalTo(100))
                .body("message", equalTo("Key not found"));
    }

    @Test
    void aPlainPutSetsAndAcceptsATtl() {
        String root = "/v1/discovery/" + mint(3);
        given().contentType(ContentType.URLENC).formParam("value", "a").formParam("ttl", "30").put(root + "/m")
                .then().statusCode(201).body("action", equalTo("set")).body("node.ttl", equalTo(30))
                .body("node.expiration", notNullValue());
        given().contentType(ContentType.URLENC).formParam("value", "b").queryParam("prevExist", "true").put(root + "/m")
                .then().statusCode(200).body("action", equalTo("update")).body("prevNode.value", equalTo("a"))
                .body("node.ttl", nullValue());
        given().contentType(ContentType.URLENC).formParam("value", "c").queryParam("ttl", "soon").put(root + "/m")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("ttl"));
    }

    @Test
    void anUnknownTokenIsNotFound() {
        given().get("/v1/discovery/0123456789abcdef0123456789abcdef").then().statusCode(404)
                .contentType(ContentType.JSON)
                .body("errorCode", equalTo(100))
                .body("cause", equalTo("/0123456789abcdef0123456789abcdef"));
        given().contentType(ContentType.URLENC).formParam("value", "x").queryParam("prevExist", "false")
                .put("/v1/discovery/0123456789abcdef0123456789abcdef/m1")
                .then().statusCode(404).body("errorCode", equalTo(100));
    }

    @Test
    void aWaitFromAPastIndexAnswersAtOnce() {
        String root = "/v1/discovery/" + mint(3);
        long index = etcdIndex(given().contentType(ContentType.URLENC).formParam("value", "a")
                .queryParam("prevExist", "false").put(root + "/m1"));
        // etcd's createSelf check: wait on its own key from its createdIndex
        given().queryParam("wait", "true").queryParam("waitIndex", index).get(root + "/m1")
                .then().statusCode(200)
                .body("action", equalTo("create"))
                .body("node.value", equalTo("a"));
    }

    @Test
    void aWaitLongPollsUntilTheNextMemberRegisters() throws Exception {
        String token = mint(3);
        String root = "/v1/discovery/" + token;
        long index = etcdIndex(given().get(root));

        // etcd's waitNodes: wait=true&recursive=true&waitIndex=<index of its read + 1>
        CompletableFuture<Response> poll = CompletableFuture.supplyAsync(() -> given()
                .queryParam("wait", "true").queryParam("recursive", "true").queryParam("waitIndex", index + 1)
                .get(root));
        Thread.sleep(500);
        assertFalse(poll.isDone(), "nothing has changed yet");

        given().contentType(ContentType.URLENC).formParam("value", "n2=http://127.0.0.1:2390")
                .queryParam("prevExist", "false").put(root + "/m2").then().statusCode(201);

        Response woken = poll.get(10, TimeUnit.SECONDS);
        woken.then().statusCode(200)
                .body("action", equalTo("create"))
                .body("node.key", equalTo("/" + token + "/m2"))
                .body("node.value", equalTo("n2=http://127.0.0.1:2390"));
        assertEquals(index + 1, woken.jsonPath().getLong("node.modifiedIndex"));
    }

    @Test
    void aBadWaitIndexIsAProblem() {
        given().queryParam("wait", "true").queryParam("waitIndex", "soon").get("/v1/discovery/" + mint(3))
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("waitIndex"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "10000000000000000", "100000000000000000", "604801", "0", "-5", "３０", "1e3", "99999999999999999999" })
    void aTtlOutsideOneWeekIsAProblemNamingTtlAndItsBoundAndStoresNothing(String ttl) {
        String root = "/v1/discovery/" + mint(3);
        long before = etcdIndex(given().get(root));
        given().contentType(ContentType.URLENC).formParam("value", "a").formParam("ttl", ttl).put(root + "/m")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("ttl"))
                .body("violations[0].rule", equalTo("must be a positive integer of seconds, at most 604800"));
        given().contentType(ContentType.URLENC).formParam("value", "a").queryParam("ttl", ttl).put(root + "/m")
                .then().statusCode(400).body("violations[0].field", equalTo("ttl"));
        // the token is not poisoned: nothing was stored, and it still answers
        given().get(root + "/m").then().statusCode(404).body("errorCode", equalTo(100));
        Response after = given().get(root);
        after.then().statusCode(200);
        assertEquals(before, etcdIndex(after));
        given().contentType(ContentType.URLENC).formParam("value", "a").formParam("ttl", "604800").put(root + "/m")
                .then().statusCode(201).body("node.ttl", equalTo(604800));
    }

    @Test
    void aDeepKeyIsRefusedForEveryMethodAndARecursiveReadStaysWhole() {
        String root = "/v1/discovery/" + mint(3);
        String deep = String.join("/", java.util.Collections.nCopies(1200, "a"));
        given().contentType(ContentType.URLENC).formParam("value", "x").put(root + "/" + deep)
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("key"))
                .body("violations[0].rule", equalTo("must be at most 512 characters"));
        given().contentType(ContentType.URLENC).formParam("value", "x")
                .put(root + "/" + String.join("/", java.util.Collections.nCopies(17, "a")))
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("key"))
                .body("violations[0].rule", equalTo("must have at most 16 segments below the token"));
        given().get(root + "/" + deep).then().statusCode(400).body("violations[0].field", equalTo("key"));
        given().delete(root + "/" + deep).then().statusCode(400).body("violations[0].field", equalTo("key"));

        String deepest = String.join("/", java.util.Collections.nCopies(16, "a"));
        given().contentType(ContentType.URLENC).formParam("value", "x").put(root + "/" + deepest).then().statusCode(201);
        given().queryParam("recursive", "true").get(root).then().statusCode(200)
                .body("node.nodes[0].nodes[0].nodes[0].key", equalTo("/" + root.substring(root.lastIndexOf('/') + 1) + "/a/a/a"));
    }

    @Test
    void aLongValueIs413AndAFullTokenIs409AsProblems() {
        String root = "/v1/discovery/" + mint(3);
        given().contentType(ContentType.URLENC).formParam("value", "v".repeat(4097)).put(root + "/m")
                .then().statusCode(413).contentType("application/problem+json")
                .body("violations[0].field", equalTo("value"))
                .body("violations[0].rule", equalTo("must be at most 4096 characters"));
        for (int i = 0; i < 254; i++) {
            given().contentType(ContentType.URLENC).formParam("value", "x").put(root + "/m" + i).then().statusCode(201);
        }
        given().contentType(ContentType.URLENC).formParam("value", "x").put(root + "/one-more")
                .then().statusCode(409).contentType("application/problem+json")
                .body("violations[0].field", equalTo("key"));
        given().queryParam("recursive", "true").get(root).then().statusCode(200).body("node.nodes", hasSize(254));
    }
}
