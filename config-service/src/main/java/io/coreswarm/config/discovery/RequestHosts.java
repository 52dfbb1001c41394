package io.coreswarm.config.discovery;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import io.coreswarm.api.problem.ProblemException;

/**
 * Decides whether the URL a request arrived on (its {@code Host} header) may become the base of a
 * minted discovery URL, which then lands in rendered files that run on nodes. Only a syntactically
 * plain host (a DNS name, an IPv4 address or a bracketed IPv6 address) with an optional port, that
 * names this machine ({@code localhost}, its host name, one of its interface addresses) or is listed
 * in {@code coreswarm.discovery.allowed-hosts}. Anything else is a 400 problem naming {@code Host};
 * {@code coreswarm.discovery.base-url}, when set, makes the header irrelevant.
 */
final class RequestHosts {
    private static final Pattern DNS_NAME = Pattern.compile(
            "(?i)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*\\.?");
    private static final Pattern IPV4 = Pattern.compile("((25[0-5]|2[0-4][0-9]|1?[0-9]{1,2})\\.){3}(25[0-5]|2[0-4][0-9]|1?[0-9]{1,2})");
    private static final Pattern IPV6 = Pattern.compile("\\[[0-9a-fA-F:.]{2,45}\\]");

    private final List<String> configured;
    /** This machine's host name, looked up once (never reverse-resolved). */
    private final String hostName;

    RequestHosts(List<String> configured) {
        this.configured = List.copyOf(configured);
        String name;
        try {
            name = InetAddress.getLocalHost().getHostName().toLowerCase(Locale.ROOT);
        } catch (UnknownHostException | SecurityException e) {
            name = "localhost";
        }
        this.hostName = name;
    }

    /** The request's base, rebuilt from its checked parts (scheme, host, port, the service's root path). */
    URI check(URI requestBase) {
        String scheme = requestBase == null ? null : requestBase.getScheme();
        String host = requestBase == null ? null : requestBase.getHost();
        if (host == null || host.isEmpty() || !("http".equals(scheme) || "https".equals(scheme))) {
            throw invalid("must be given as a host name or address with an optional port");
        }
        if (requestBase.getRawUserInfo() != null || !(DNS_NAME.matcher(host).matches() && host.length() <= 253
                || IPV4.matcher(host).matches() || IPV6.matcher(host).matches())) {
            throw invalid("must be a host name or address with an optional port");
        }
        if (!allowed(host)) {
            throw invalid("must name this machine (localhost, its host name or one of its addresses)"
                    + " or a host of coreswarm.discovery.allowed-hosts; or set coreswarm.discovery.base-url");
        }
        int port = requestBase.getPort();
        String path = requestBase.getRawPath() == null || requestBase.getRawPath().isEmpty() ? "/" : requestBase.getRawPath();
        return URI.create(scheme + "://" + host + (port > 0 ? ":" + port : "") + path);
    }

    private boolean allowed(String host) {
        String wanted = normalize(host);
        for (String c : configured) {
            if (normalize(c).equals(wanted)) {
                return true;
            }
        }
        return wanted.equals(hostName) || thisMachine().contains(wanted);
    }

    /**
     * Lower case, no trailing dot, IPv6 without brackets in its canonical form. Only literals are
     * parsed as addresses: a name is never resolved (no DNS lookup on a caller's word).
     */
    private static String normalize(String host) {
        String h = host.trim().toLowerCase(Locale.ROOT);
        if (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        if (h.contains(":")) {
            try {
                InetAddress a = InetAddress.getByName(h);
                return a instanceof Inet6Address v6 ? canonical(v6) : a.getHostAddress();
            } catch (UnknownHostException | SecurityException e) {
                return h;
            }
        }
        return h;
    }

    private static String canonical(Inet6Address a) {
        String s = a.getHostAddress();
        int zone = s.indexOf('%');
        return zone < 0 ? s : s.substring(0, zone);
    }

    /** localhost and every address of this machine's interfaces (read on each call: bridges come and go). */
    private static Set<String> thisMachine() {
        Set<String> names = new HashSet<>(List.of("localhost", "127.0.0.1", canonicalLoopback6()));
        try {
            for (NetworkInterface nif : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                for (InetAddress a : Collections.list(nif.getInetAddresses())) {
                    names.add(a instanceof Inet6Address v6 ? canonical(v6) : a.getHostAddress());
                }
            }
        } catch (SocketException e) {
            // no interfaces readable: loopback still counts
        }
        return names;
    }

    private static String canonicalLoopback6() {
        return normalize("[::1]");
    }

    private static ProblemException invalid(String rule) {
        return ProblemException.invalid("Host", rule);
    }
}
