package io.coreswarm.config.render;

/** An IPv4 /24, written {@code a.b.c.0/24}; hosts are addressed by their last octet. */
public record Subnet(String prefix) {

    /** coreos-vagrant's host-only network: nodes at 172.17.8.101 and up. */
    public static final Subnet COREOS_VAGRANT = new Subnet("172.17.8");

    public static Subnet parse(String cidr) {
        return new Subnet(cidr.substring(0, cidr.lastIndexOf(".0/24")));
    }

    /**
     * A stable /24 for a cluster that names none, inside 172.29.0.0/16 (rarely used by default
     * Docker pools). Different names may collide; callers that must avoid that pass one explicitly.
     */
    public static Subnet derivedFrom(String clusterName) {
        return new Subnet("172.29." + (Math.floorMod(clusterName.hashCode(), 254) + 1));
    }

    public String host(int lastOctet) {
        return prefix + "." + lastOctet;
    }

    public String gateway() {
        return host(1);
    }

    public String cidr() {
        return prefix + ".0/24";
    }
}
