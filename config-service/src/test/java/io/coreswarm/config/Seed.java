package io.coreswarm.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The seed document (shared/seed beside the repository), and the blocks of it the tests compare with. */
public final class Seed {
    private static final String FILE = "seed/000_4ac555beaee19ca7.txt";

    private Seed() {
    }

    public static String text() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve(FILE);
            if (Files.isRegularFile(candidate)) {
                try {
                    return Files.readString(candidate);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        throw new IllegalStateException("shared/" + FILE + " not found above " + Path.of("").toAbsolutePath());
    }

    /** The seed's user-data: the first yaml block, as the post shows it (it opens with a blank line). */
    public static String userData() {
        return block("{% highlight yaml %}\n");
    }

    /** The seed's {@code docker info} transcript of a classic swarm manager. */
    public static String dockerInfo() {
        String shell = text().substring(text().indexOf("maarten@clunky:~/swarm-vagrant$ docker info"));
        return shell.substring(shell.indexOf('\n') + 1, shell.indexOf("{% endhighlight %}"));
    }

    private static String block(String opening) {
        String text = text();
        int start = text.indexOf(opening) + opening.length();
        return text.substring(start, text.indexOf("{% endhighlight %}", start));
    }
}
