package io.coreswarm.provisioner.operation;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;


import io.coreswarm.api.operation.Operation;
import io.coreswarm.api.operation.OperationApi;
import io.smallrye.mutiny.Multi;

public class OperationResource implements OperationApi {
    private final Operations operations;
    private final OperationRunner runner;

    OperationResource(Operations operations, OperationRunner runner) {
        this.operations = operations;
        this.runner = runner;
    }

    @Override
    public List<Operation> list(String cluster) {
        return operations.list(cluster);
    }

    @Override
    public Operation get(String id) {
        return operations.get(id);
    }

    @Override
    public Operation cancel(String id) {
        return runner.cancel(id);
    }

    @Override
    public Multi<String> log(String id) {
        java.nio.file.Path file = operations.log(id);
        long[] offset = { 0 };
        return Multi.createFrom().ticks().every(Duration.ofMillis(250))
                .onOverflow().drop()
                .map(tick -> {
                    // read the state first: a finished operation has written its last line already
                    boolean finished = operations.get(id).state().finished();
                    return new Chunk(readFrom(file, offset), finished);
                })
                .select().first(chunk -> !(chunk.finished() && chunk.lines().isEmpty()))
                .onItem().transformToIterable(Chunk::lines);
    }

    private record Chunk(List<String> lines, boolean finished) {
    }

    private static List<String> readFrom(java.nio.file.Path file, long[] offset) {
        List<String> lines = new ArrayList<>();
        if (!Files.exists(file)) {
            return lines;
        }
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            if (raf.length() <= offset[0]) {
                return lines;
            }
            raf.seek(offset[0]);
            byte[] rest = new byte[(int) (raf.length() - offset[0])];
            raf.readFully(rest);
            String text = new String(rest, StandardCharsets.UTF_8);
            int end = text.lastIndexOf('\n');
            if (end < 0) {
                return lines;
            }
            offset[0] += text.substring(0, end + 1).getBytes(StandardCharsets.UTF_8).length;
            text.substring(0, end).lines().forEach(lines::add);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return lines;
    }
}
