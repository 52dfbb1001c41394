package io.coreswarm.cli.command;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import io.coreswarm.cli.client.ServiceOptions;
import io.coreswarm.cli.client.Services;
import io.coreswarm.cli.output.Printer;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** What every command that calls a service has: the services' addresses and the command's streams. */
abstract class ServiceCommand implements Callable<Integer> {

    @Mixin
    ServiceOptions serviceOptions;

    @Spec
    CommandSpec spec;

    private Services services;

    Services services() {
        if (services == null) {
            services = serviceOptions.services();
        }
        return services;
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    Printer printer() {
        return new Printer(out());
    }
}
