package io.coreswarm.config.render;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;

import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;

import io.coreswarm.api.render.RenderedFile;
import io.coreswarm.api.render.Rendering;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/** Writes a {@link Rendering} as a tar archive, so {@code curl ... | tar x} gives a ready folder. */
@Provider
@Produces(Rendering.TAR)
public class TarArchiveWriter implements MessageBodyWriter<Rendering> {

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return Rendering.class.isAssignableFrom(type);
    }

    @Override
    public void writeTo(Rendering rendering, Class<?> type, Type genericType, Annotation[] annotations,
            MediaType mediaType, MultivaluedMap<String, Object> headers, OutputStream out) throws IOException {
        headers.putSingle("Content-Disposition", "attachment; filename=\"" + rendering.spec().name() + ".tar\"");
        write(rendering, out);
    }

    public static void write(Rendering rendering, OutputStream out) throws IOException {
        long now = System.currentTimeMillis();
        TarArchiveOutputStream tar = new TarArchiveOutputStream(out);
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        for (RenderedFile file : rendering.files()) {
            byte[] bytes = file.content().getBytes(StandardCharsets.UTF_8);
            TarArchiveEntry entry = new TarArchiveEntry(file.path());
            entry.setSize(bytes.length);
            entry.setMode(Integer.parseInt(file.mode(), 8));
            entry.setModTime(now);
            tar.putArchiveEntry(entry);
            tar.write(bytes);
            tar.closeArchiveEntry();
        }
        tar.finish();
        tar.flush();
    }
}
