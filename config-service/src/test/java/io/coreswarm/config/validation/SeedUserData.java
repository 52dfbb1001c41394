package io.coreswarm.config.validation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The user-data of the seed blog post, which coreswarm's coreos-legacy target reproduces. */
final class SeedUserData {
    /** Relative to the config-service module, where surefire runs. */
    static final Path SEED = Path.of("..", "..", "shared", "seed", "000_4ac555beaee19ca7.txt");
    private static final String OPEN = "{% highlight yaml %}\n";
    private static final String CLOSE = "{% endhighlight %}";

    private SeedUserData() {
    }

    /** Exactly what stands between the post's yaml highlight tags, so it begins with a blank line. */
    static String verbatim() throws IOException {
        String post = Files.readString(SEED, StandardCharsets.UTF_8);
        int start = post.indexOf(OPEN);
        int end = post.indexOf(CLOSE, start);
        if (start < 0 || end < 0) {
            throw new IllegalStateException("no {% highlight yaml %} block in " + SEED.toAbsolutePath());
        }
        return post.substring(start + OPEN.length(), end);
    }

    /**
     * The file as coreos-vagrant's {@code user-data} holds it. The blank line the post shows first is
     * the blog's markup (the highlight tag is followed by an empty line), not part of the file: the
     * coreos-vagrant sample user-data starts with the header, and a machine would otherwise ignore it.
     */
    static String asFile() throws IOException {
        return verbatim().replaceFirst("^\n", "");
    }
}
