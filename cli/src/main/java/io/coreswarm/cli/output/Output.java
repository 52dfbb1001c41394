package io.coreswarm.cli.output;

import java.io.PrintWriter;

import io.quarkus.runtime.annotations.RegisterForReflection;
import picocli.CommandLine.Option;

/**
 * The output options of a command that prints an answer: {@code -o table|json|yaml}, or
 * {@code --field PATH} for one value of it ({@link FieldPath}).
 */
@RegisterForReflection
public class Output {

    @Option(names = { "-o", "--output" }, paramLabel = "FORMAT", defaultValue = "table", description = "table, json or yaml")
    OutputFormat format;

    @Option(names = "--field", paramLabel = "PATH",
            description = "print one field of the answer as text, e.g. phase, endpoints.dockerHost, nodes[].name; [].id for a list")
    String field;

    public OutputFormat format() {
        return field == null ? format : OutputFormat.JSON;
    }

    /** Whether the command prints its own text (table) rather than the answer. */
    public boolean table() {
        return field == null && format == OutputFormat.TABLE;
    }

    /** Prints {@code answer} as asked, unless {@link #table()}: then the caller prints its table. */
    public void print(Object answer, PrintWriter out) {
        if (field != null) {
            FieldPath.select(Printer.json().valueToTree(answer), field).forEach(out::println);
            out.flush();
        } else {
            new Printer(out).structured(answer, format);
        }
    }

    /** One element of a stream: JSON on one line, a YAML document ending in {@code ---}, or the field. */
    public void printEach(Object element, PrintWriter out) {
        if (field == null && format == OutputFormat.JSON) {
            new Printer(out).line(element);
        } else {
            print(element, out);
            if (field == null) {
                out.println("---");
                out.flush();
            }
        }
    }
}
