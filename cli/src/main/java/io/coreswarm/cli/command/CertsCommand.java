package io.coreswarm.cli.command;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

import jakarta.ws.rs.core.Response;

import io.coreswarm.cli.client.ProblemResponses;
import io.coreswarm.cli.exit.CliFailure;
import io.coreswarm.cli.exit.ExitCode;
import io.coreswarm.cli.files.SafeFolder;
import io.coreswarm.cli.files.TarEntries;
import io.quarkus.runtime.annotations.RegisterForReflection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code GET /v1/clusters/{name}/certs}: the tar of {@code ca.pem}, {@code cert.pem} and
 * {@code key.pem} unpacked into a folder (key 0600), ready for {@code DOCKER_CERT_PATH}. The
 * cluster is looked up first, so that a 404 afterwards can only mean a provisioner without the
 * endpoint, and says so.
 */
@RegisterForReflection
@Command(name = "certs", description = "Fetch a TLS cluster's client certificate (ca.pem, cert.pem, key.pem) into a folder.")
class CertsCommand extends ServiceCommand {
    static final String NO_ROUTE = "this provisioner-service does not serve GET /v1/clusters/{name}/certs "
            + "(it came with TLS clusters): upgrade it, or copy the client certificate from its host";

    @Parameters(paramLabel = "NAME", description = "the cluster")
    String name;

    @Option(names = { "-o", "--output-dir" }, paramLabel = "DIR", description = "where to write them (default ./NAME-certs)")
    Path dir;

    @Override
    public Integer call() throws IOException {
        services().clusters().get(name); // 404 here: no such cluster (exit 3)
        SafeFolder folder = new SafeFolder(dir == null ? Path.of(name + "-certs") : dir);
        Response response;
        try {
            response = services().certs().certs(name);
        } catch (CliFailure f) {
            throw f.exitCode() == ExitCode.NOT_FOUND ? new CliFailure(ExitCode.FAILED, NO_ROUTE) : f;
        }
        try (response) {
            if (response.getStatus() >= 400) {
                throw ProblemResponses.failure(response, NO_ROUTE);
            }
            try (InputStream tar = response.readEntity(InputStream.class)) {
                for (TarEntries.Entry e : TarEntries.read(tar)) {
                    Path written = folder.write(e.name(), e.content(), e.mode());
                    out().println(written);
                }
            }
        }
        out().printf("export DOCKER_CERT_PATH=%s DOCKER_TLS_VERIFY=1%n", folder.root());
        out().flush();
        return 0;
    }
}
