package io.coreswarm.api.logging;

import java.util.logging.Handler;
import java.util.logging.Logger;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logmanager.ExtHandler;

import io.quarkus.runtime.StartupEvent;

/**
 * Switches every console and file handler to {@link JsonLineFormatter} when
 * {@code coreswarm.log.format=json}. The quarkus-logging-json extension does this at build time
 * but is not available for this platform's version. The
 * switch happens at start-up, first of the start-up observers: the banner and the few lines
 * Quarkus writes before it stay text.
 */
@ApplicationScoped
public class JsonLogging {

    void onStart(@Observes @Priority(1) StartupEvent start,
            @ConfigProperty(name = "coreswarm.log.format", defaultValue = "text") LogFormat format) {
        if (format == LogFormat.JSON) {
            JsonLineFormatter json = new JsonLineFormatter();
            for (Handler h : Logger.getLogger("").getHandlers()) {
                apply(h, json);
            }
        }
    }

    /** Quarkus wraps the real handlers in delayed and async ones: the formatter goes to the leaves. */
    private static void apply(Handler handler, JsonLineFormatter json) {
        Handler[] children = handler instanceof ExtHandler ext ? ext.getHandlers() : new Handler[0];
        if (children.length == 0) {
            handler.setFormatter(json);
        }
        for (Handler child : children) {
            apply(child, json);
        }
    }
}
