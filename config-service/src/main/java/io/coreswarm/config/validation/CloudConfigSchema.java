package io.coreswarm.config.validation;

import static io.coreswarm.config.validation.AllowedValues.matching;
import static io.coreswarm.config.validation.AllowedValues.oneOf;

/**
 * The keys coreos-cloudinit understands: its {@code config} package's structs (CloudConfig, CoreOS,
 * Etcd, Etcd2, Fleet, Flannel, Locksmith, OEM, Update, Unit, File, User) as last released, with their
 * {@code valid} and {@code deprecated} tags. Flatcar's fork, which still reads cloud-config, marks
 * etcd, etcd2 and fleet deprecated because the OS no longer ships them.
 */
final class CloudConfigSchema {
    private CloudConfigSchema() {
    }

    private static final String ETCD2_OPTION = "etcd2 options no longer work for etcd";

    static final Shape.Struct ETCD = Shape.Struct.of(
            string("addr"),
            string("advertise_client_urls").deprecated(ETCD2_OPTION),
            string("bind_addr"),
            string("ca_file"),
            string("cert_file"),
            integer("cluster_active_size"),
            number("cluster_remove_delay"),
            number("cluster_sync_interval"),
            string("cors"),
            string("data_dir"),
            string("discovery"),
            string("discovery_fallback").deprecated(ETCD2_OPTION),
            string("discovery_srv").deprecated(ETCD2_OPTION),
            string("discovery_proxy").deprecated(ETCD2_OPTION),
            integer("election_timeout").deprecated(ETCD2_OPTION),
            bool("force_new_cluster").deprecated(ETCD2_OPTION),
            string("graphite_host"),
            integer("heartbeat_interval").deprecated(ETCD2_OPTION),
            number("http_read_timeout"),
            number("http_write_timeout"),
            string("initial_advertise_peer_urls").deprecated(ETCD2_OPTION),
            string("initial_cluster").deprecated(ETCD2_OPTION),
            string("initial_cluster_state").deprecated(ETCD2_OPTION),
            string("initial_cluster_token").deprecated(ETCD2_OPTION),
            string("key_file"),
            string("listen_client_urls").deprecated(ETCD2_OPTION),
            string("listen_peer_urls").deprecated(ETCD2_OPTION),
            integer("max_result_buffer"),
            integer("max_retry_attempts"),
            integer("max_snapshots").deprecated(ETCD2_OPTION),
            integer("max_wals").deprecated(ETCD2_OPTION),
            string("name"),
            string("peer_addr"),
            string("peer_bind_addr"),
            string("peer_ca_file"),
            string("peer_cert_file"),
            integer("peer_election_timeout"),
            integer("peer_heartbeat_interval"),
            string("peer_key_file"),
            string("peers"),
            string("peers_file"),
            string("proxy").deprecated(ETCD2_OPTION),
            number("retry_interval"),
            bool("snapshot"),
            integer("snapshot_count"),
            string("trace"),
            bool("verbose"),
            bool("very_verbose"),
            bool("very_very_verbose"));

    static final Shape.Struct ETCD2 = Shape.Struct.of(
            string("advertise_client_urls"),
            string("ca_file").deprecated("ca_file obsoleted by trusted_ca_file and client_cert_auth"),
            string("cert_file"),
            bool("client_cert_auth"),
            string("cors"),
            string("data_dir"),
            bool("debug"),
            string("discovery"),
            string("discovery_fallback"),
            string("discovery_srv"),
            string("discovery_proxy"),
            integer("election_timeout"),
            bool("force_new_cluster"),
            integer("heartbeat_interval"),
            string("initial_advertise_peer_urls"),
            string("initial_cluster"),
            string("initial_cluster_state"),
            string("initial_cluster_token"),
            string("key_file"),
            string("listen_client_urls"),
            string("listen_peer_urls"),
            string("log_package_levels"),
            integer("max_snapshots"),
            integer("max_wals"),
            string("name"),
            string("peer_ca_file").deprecated("peer_ca_file obsoleted peer_trusted_ca_file and peer_client_cert_auth"),
            string("peer_cert_file"),
            string("peer_key_file"),
            bool("peer_client_cert_auth"),
            string("peer_trusted_ca_file"),
            string("proxy", oneOf("on", "off", "readonly")),
            integer("proxy_dial_timeout"),
            integer("proxy_failure_wait"),
            integer("proxy_read_timeout"),
            integer("proxy_refresh_interval"),
            integer("proxy_write_timeout"),
            integer("snapshot_count"),
            string("trusted_ca_file"),
            string("wal_dir"));

    static final Shape.Struct FLANNEL = Shape.Struct.of(
            string("etcd_endpoints"),
            string("etcd_cafile"),
            string("etcd_certfile"),
            string("etcd_keyfile"),
            string("etcd_prefix"),
            string("etcd_username"),
            string("etcd_password"),
            string("ip_masq"),
            string("subnet_file"),
            string("interface"),
            string("public_ip"));

    static final Shape.Struct FLEET = Shape.Struct.of(
            string("agent_ttl"),
            string("authorized_keys_file"),
            bool("disable_engine"),
            number("engine_reconcile_interval"),
            string("etcd_cafile"),
            string("etcd_certfile"),
            string("etcd_keyfile"),
            string("etcd_key_prefix"),
            number("etcd_request_timeout"),
            string("etcd_servers"),
            string("etcd_username"),
            string("etcd_password"),
            string("metadata"),
            string("public_ip"),
            integer("token_limit"),
            integer("verbosity"),
            bool("verify_units"));

    static final Shape.Struct LOCKSMITH = Shape.Struct.of(
            string("endpoint"),
            string("etcd_cafile"),
            string("etcd_certfile"),
            string("etcd_keyfile"),
            string("etcd_username"),
            string("etcd_password"),
            string("group"),
            string("window_start", matching(
                    "((?i:sun|mon|tue|wed|thu|fri|sat) )?0*([0-9]|1[0-9]|2[0-3]):0*([0-9]|[1-5][0-9])",
                    "a time such as \"Thu 04:00\" or \"04:00\"")),
            // upstream: ^[-+]?([0-9]*(\.[0-9]*)?[a-z]+)+$ — the same language, made possessive so a
            // hostile value cannot make Java's backtracking matcher run for ever
            string("window_length", matching(
                    "[-+]?+(?:[0-9]*+(?:\\.[0-9]*+)?+[a-z]++)++",
                    "a duration such as \"1h30m\"")));

    static final Shape.Struct OEM = Shape.Struct.of(
            string("id"),
            string("name"),
            string("version_id"),
            string("home_url"),
            string("bug_report_url"));

    static final Shape.Struct UPDATE = Shape.Struct.of(
            string("reboot_strategy", oneOf("best-effort", "etcd-lock", "reboot", "off")),
            string("group"),
            string("server"));

    static final Shape.Struct UNIT_DROP_IN = Shape.Struct.of(
            string("name"),
            string("content"));

    static final Shape.Struct UNIT = Shape.Struct.of(
            string("name"),
            bool("mask"),
            bool("enable"),
            bool("runtime"),
            string("content"),
            string("command", oneOf("start", "stop", "restart", "reload", "try-restart", "reload-or-restart",
                    "reload-or-try-restart")),
            list("drop_ins", UNIT_DROP_IN));

    static final Shape.Struct COREOS = Shape.Struct.of(
            struct("etcd", ETCD).deprecated("etcd is no longer shipped in Container Linux"),
            struct("etcd2", ETCD2).deprecated("etcd2 is no longer shipped in Container Linux"),
            struct("flannel", FLANNEL),
            struct("fleet", FLEET).deprecated("fleet is no longer shipped in Container Linux"),
            struct("locksmith", LOCKSMITH),
            struct("oem", OEM),
            struct("update", UPDATE),
            list("units", UNIT));

    /** The encodings config.DecodeContent understands. */
    static final AllowedValues FILE_ENCODINGS = oneOf(
            "base64", "b64", "gz", "gzip", "gz+base64", "gzip+base64", "gz+b64", "gzip+b64");

    static final Shape.Struct FILE = Shape.Struct.of(
            string("encoding", FILE_ENCODINGS),
            string("content"),
            string("owner"),
            string("path"),
            string("permissions", matching("0?[0-7]{3,4}", "an octal mode such as \"0644\"")));

    private static final String REMOTE_KEYS = "trying to fetch from a remote endpoint introduces too many intermittent errors";

    static final Shape.Struct USER = Shape.Struct.of(
            string("name"),
            string("passwd"),
            strings("ssh_authorized_keys"),
            string("coreos_ssh_import_github").deprecated(REMOTE_KEYS),
            strings("coreos_ssh_import_github_users").deprecated(REMOTE_KEYS),
            string("coreos_ssh_import_url").deprecated(REMOTE_KEYS),
            string("gecos"),
            string("homedir"),
            bool("no_create_home"),
            string("primary_group"),
            strings("groups"),
            bool("no_user_group"),
            bool("system"),
            bool("no_log_init"),
            string("shell"));

    static final Shape.Struct CLOUD_CONFIG = Shape.Struct.of(
            strings("ssh_authorized_keys"),
            struct("coreos", COREOS),
            list("write_files", FILE),
            string("hostname"),
            list("users", USER),
            string("manage_etc_hosts"));

    private static Field string(String name) {
        return new Field(name, new Shape.Scalar(ScalarType.STRING, null), null);
    }

    private static Field string(String name, AllowedValues allowed) {
        return new Field(name, new Shape.Scalar(ScalarType.STRING, allowed), null);
    }

    private static Field integer(String name) {
        return new Field(name, new Shape.Scalar(ScalarType.INT, null), null);
    }

    private static Field number(String name) {
        return new Field(name, new Shape.Scalar(ScalarType.FLOAT, null), null);
    }

    private static Field bool(String name) {
        return new Field(name, new Shape.Scalar(ScalarType.BOOL, null), null);
    }

    private static Field strings(String name) {
        return new Field(name, new Shape.ListOf(new Shape.Scalar(ScalarType.STRING, null)), null);
    }

    private static Field struct(String name, Shape.Struct struct) {
        return new Field(name, struct, null);
    }

    private static Field list(String name, Shape.Struct element) {
        return new Field(name, new Shape.ListOf(element), null);
    }
}
