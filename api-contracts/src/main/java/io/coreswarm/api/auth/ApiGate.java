package io.coreswarm.api.auth;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Provider;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.coreswarm.api.problem.Problem;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The first route of every service, ahead of the HTTP edges that read bodies ({@code HttpEdges}):
 * a request is refused here before any byte of its body is read, so an unauthenticated 1 GiB
 * upload costs its headers only.
 * <ol>
 * <li>On a non-loopback local address, when {@code coreswarm.api.non-loopback=discovery-only}
 * (config-service): only the discovery token paths are served, anything else is a 404 problem,
 * whatever token it carries. 404 rather than 403: on that address the API is not there at all.</li>
 * <li>{@code /q/health*} and the discovery token paths pass without a token ({@link OpenPaths}).</li>
 * <li>The dashboard's page, script and style pass too. {@code /?token=<token>} (Jupyter's
 * convention: the link {@code scripts/up} prints) sets the token as an HttpOnly, SameSite=Strict
 * cookie and redirects to {@code /}, so the token leaves the address bar and the history.</li>
 * <li>Everything else needs {@code Authorization: Bearer <token>}, or, for reads (GET, HEAD) only,
 * the dashboard's cookie: without either, or with another token, a 401 problem with
 * {@code WWW-Authenticate: Bearer}. The given token is never echoed.</li>
 * </ol>
 * The cookie serves reads only, and is never sent by a browser on another site's request
 * (SameSite=Strict), so another page cannot make a logged-in browser change anything.
 */
@ApplicationScoped
public class ApiGate {
    /** Before HttpEdges (-1000), which reads bodies, and every route Quarkus adds. */
    static final int ORDER = -1100;
    static final String REALM = "Bearer realm=\"coreswarm\"";
    /** The dashboard's cookie, holding the token. */
    static final String COOKIE = "coreswarm-token";
    static final String LOGIN_PARAMETER = "token";

    private final ApiToken token;
    private final NonLoopback nonLoopback;
    /** Made on the first refusal, not at start-up. */
    private final Provider<ObjectMapper> json;

    ApiGate(ApiToken token, ApiConfig config, Provider<ObjectMapper> json) {
        this.token = token;
        this.nonLoopback = config.nonLoopback();
        this.json = json;
    }

    void install(@Observes Router router) {
        router.route().order(ORDER).handler(this::check);
    }

    private void check(RoutingContext rc) {
        HttpServerRequest request = rc.request();
        String path = rc.normalizedPath();
        if (nonLoopback == NonLoopback.DISCOVERY_ONLY && !isLoopback(request.localAddress())) {
            if (OpenPaths.isDiscoveryToken(path)) {
                rc.next();
            } else {
                refuse(rc, Problem.of(404, "Not Found", "on this address only etcd discovery token paths"
                        + " (/v1/discovery/<token>...) are served; the API answers on loopback (127.0.0.1)"), null);
            }
            return;
        }
        if (OpenPaths.isHealth(path) || OpenPaths.isDiscoveryToken(path)) {
            rc.next();
            return;
        }
        if (OpenPaths.isDashboardAsset(path)) {
            String login = request.getParam(LOGIN_PARAMETER);
            if (login == null) {
                rc.next();
            } else if (token.matches(login.strip())) {
                rc.response().addCookie(Cookie.cookie(COOKIE, login.strip()).setPath("/").setHttpOnly(true)
                        .setSameSite(CookieSameSite.STRICT))
                        .putHeader(HttpHeaders.LOCATION, "/").putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                        .setStatusCode(303).end();
            } else {
                refuse(rc, unauthorized("the token in the link is not this platform's API token: open the link"
                        + " scripts/up printed, or /?token=<the API token>"), REALM + ", error=\"invalid_token\"");
            }
            return;
        }
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if ((authorization == null || authorization.isBlank()) && isRead(request) && hasTokenCookie(rc)) {
            rc.next();
        } else if (authorization == null || authorization.isBlank()) {
            refuse(rc, unauthorized("this request has no Authorization header: every path but /q/health and etcd"
                    + " discovery token paths needs 'Authorization: Bearer <the API token>'"), REALM);
        } else if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            refuse(rc, unauthorized("the Authorization header must use the Bearer scheme: 'Authorization: Bearer <the API token>'"),
                    REALM + ", error=\"invalid_request\"");
        } else if (!token.matches(authorization.substring(7).strip())) {
            refuse(rc, unauthorized("the bearer token is not this platform's API token (coreswarm.api.token, or the"
                    + " file api-token in CORESWARM_HOME, ~/.coreswarm by default)"), REALM + ", error=\"invalid_token\"");
        } else {
            rc.next();
        }
    }

    private static boolean isRead(HttpServerRequest request) {
        return request.method() == HttpMethod.GET || request.method() == HttpMethod.HEAD;
    }

    private boolean hasTokenCookie(RoutingContext rc) {
        Cookie cookie = rc.request().getCookie(COOKIE);
        return cookie != null && token.matches(cookie.getValue());
    }

    private static Problem unauthorized(String detail) {
        return Problem.of(401, "Unauthorized", detail);
    }

    /** Whether the request arrived on a loopback address of this machine; an address that cannot be read is not. */
    static boolean isLoopback(SocketAddress local) {
        if (local == null || !local.isInetSocket() || local.hostAddress() == null) {
            return false;
        }
        try {
            // an address literal: parsed, never looked up
            return InetAddress.getByName(local.hostAddress()).isLoopbackAddress();
        } catch (UnknownHostException | SecurityException e) {
            return false;
        }
    }

    private void refuse(RoutingContext rc, Problem problem, String challenge) {
        String body;
        try {
            body = json.get().writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            body = "{\"status\":" + problem.status() + "}";
        }
        var response = rc.response();
        if (challenge != null) {
            response.putHeader("WWW-Authenticate", challenge);
        }
        if (announcesBody(rc.request())) {
            // the body is never read: the connection cannot carry another request after it
            response.putHeader(HttpHeaders.CONNECTION, "close");
        }
        response.setStatusCode(problem.status()).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE).end(body);
    }

    private static boolean announcesBody(HttpServerRequest request) {
        String encoding = request.getHeader(HttpHeaders.TRANSFER_ENCODING);
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        return encoding != null && encoding.toLowerCase(Locale.ROOT).contains("chunked")
                || length != null && !"0".equals(length.strip());
    }
}
