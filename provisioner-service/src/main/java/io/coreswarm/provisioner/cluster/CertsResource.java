package io.coreswarm.provisioner.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import jakarta.ws.rs.core.Response;

import io.coreswarm.api.cluster.ClusterCertsApi;
import io.coreswarm.api.problem.Conflict;
import io.coreswarm.pki.PkiLayout;
import io.coreswarm.provisioner.model.ClusterRecord;

/**
 * {@code GET /v1/clusters/{name}/certs}: the client folder as a tar ({@code ca.pem} and
 * {@code cert.pem} 0644, {@code key.pem} 0600), named file by file: nothing else of {@code pki/}
 * (the CA's key, the nodes' keys) can end up in it. Never logged.
 */
public class CertsResource implements ClusterCertsApi {
    private final Clusters clusters;

    CertsResource(Clusters clusters) {
        this.clusters = clusters;
    }

    @Override
    public Response certs(String name) {
        ClusterRecord c = clusters.get(name);
        if (!c.tls()) {
            throw new Conflict("cluster " + name + " has no certificates: its spec says \"tls\": false, its Docker and etcd are open");
        }
        PkiLayout pki = c.pkiLayout();
        if (!Files.isRegularFile(pki.clientKey()) || !Files.isRegularFile(pki.clientCertificate())) {
            throw new Conflict("cluster " + name + "'s certificates are not issued yet: its create has not reached \"issue certificates\"");
        }
        byte[] tar = new TarFiles()
                .add(PkiLayout.CA_CERT, read(pki.clientCa()), 0644)
                .add(PkiLayout.CLIENT_CERT, read(pki.clientCertificate()), 0644)
                .add(PkiLayout.CLIENT_KEY, read(pki.clientKey()), 0600)
                .finish();
        return Response.ok(tar, TAR)
                .header("Content-Disposition", "attachment; filename=\"" + name + "-certs.tar\"")
                .header("Cache-Control", "no-store")
                .build();
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            // the file's name only
            throw new UncheckedIOException("cannot read " + file.getFileName(), new IOException(e.getClass().getSimpleName()));
        }
    }
}
