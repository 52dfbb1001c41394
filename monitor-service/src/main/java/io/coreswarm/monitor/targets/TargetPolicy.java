package io.coreswarm.monitor.targets;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.coreswarm.api.health.MonitorTarget;
import io.coreswarm.api.problem.Problem;
import io.coreswarm.api.problem.ProblemException;

/**
 * Where a target may point the monitor, beyond what its syntax allows ({@link MonitorTarget}'s
 * patterns: {@code tcp://} and {@code http://} only): at most so many endpoints per list, and each
 * host either an address inside one of the allowed networks (loopback and the private ranges by
 * default) or a name listed as allowed. Host names are not resolved here: a name is trusted only
 * when configuration names it, so DNS cannot turn an allowed name into an arbitrary host later.
 */
public final class TargetPolicy {
    /** A plain dotted quad without leading zeros (which some resolvers read as octal). */
    private static final Pattern IPV4 = Pattern.compile("(0|[1-9][0-9]{0,2})(\\.(0|[1-9][0-9]{0,2})){3}");

    private final int maxEndpointsPerTarget;
    private final List<Cidr> networks;
    private final Set<String> hosts;

    public TargetPolicy(int maxEndpointsPerTarget, List<String> allowedNetworks, List<String> allowedHosts) {
        this.maxEndpointsPerTarget = maxEndpointsPerTarget;
        this.networks = allowedNetworks.stream().map(String::trim).filter(s -> !s.isEmpty()).map(Cidr::parse).toList();
        this.hosts = allowedHosts.stream().map(h -> h.trim().toLowerCase(Locale.ROOT)).filter(h -> !h.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    /** A 400 problem naming every endpoint that breaks a rule. */
    public void check(MonitorTarget target) {
        List<Problem.Violation> violations = new ArrayList<>();
        check("dockerEndpoints", target.dockerEndpoints(), violations);
        check("etcdEndpoints", target.etcdEndpoints(), violations);
        if (!violations.isEmpty()) {
            throw new ProblemException(Problem.invalid(violations));
        }
    }

    private void check(String field, List<String> endpoints, List<Problem.Violation> violations) {
        if (endpoints.size() > maxEndpointsPerTarget) {
            violations.add(new Problem.Violation(field, "must list at most " + maxEndpointsPerTarget
                    + " endpoints (coreswarm.monitor.max-endpoints-per-target)"));
            return;
        }
        for (int i = 0; i < endpoints.size(); i++) {
            String host = URI.create(endpoints.get(i)).getHost();
            if (host == null || !allowed(host)) {
                violations.add(new Problem.Violation(field + "[" + i + "]",
                        "must name a host in coreswarm.monitor.allowed-networks (loopback and private networks unless configured)"
                                + " or listed in coreswarm.monitor.allowed-hosts"));
            }
        }
    }

    /** Whether the monitor may connect to this host (as a URI gives it: IPv6 in brackets). */
    public boolean allowed(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (hosts.contains(h)) {
            return true;
        }
        byte[] address = literal(h);
        return address != null && networks.stream().anyMatch(n -> n.contains(address));
    }

    /** The bytes of an IP literal, or null for a name. */
    private static byte[] literal(String host) {
        try {
            if (host.startsWith("[") && host.endsWith("]")) {
                return InetAddress.getByName(host.substring(1, host.length() - 1)).getAddress();
            }
            if (IPV4.matcher(host).matches()) {
                for (String part : host.split("\\.")) {
                    if (Integer.parseInt(part) > 255) {
                        return null;
                    }
                }
                return InetAddress.getByName(host).getAddress();
            }
        } catch (UnknownHostException | IllegalArgumentException e) {
            return null;
        }
        return null;
    }

    /** A network in CIDR notation. An IPv4-mapped IPv6 address is read as its IPv4 address by InetAddress. */
    record Cidr(byte[] network, int bits) {
        static Cidr parse(String cidr) {
            int slash = cidr.indexOf('/');
            try {
                byte[] address = InetAddress.getByName(slash < 0 ? cidr : cidr.substring(0, slash)).getAddress();
                int bits = slash < 0 ? address.length * 8 : Integer.parseInt(cidr.substring(slash + 1));
                if (bits < 0 || bits > address.length * 8) {
                    throw new IllegalArgumentException();
                }
                return new Cidr(address, bits);
            } catch (UnknownHostException | IllegalArgumentException e) {
                throw new IllegalArgumentException("coreswarm.monitor.allowed-networks: not a network: " + cidr);
            }
        }

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            if (bits == 0) {
                return true;
            }
            BigInteger mask = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE).shiftLeft(address.length * 8 - bits);
            return new BigInteger(1, address).and(mask).equals(new BigInteger(1, network).and(mask));
        }
    }
}
