package io.coreswarm.provisioner.cluster;

/**
 * The shells {@code GET /env} writes for, in docker-machine's formats ({@code env --shell}): each
 * sets, unsets and quotes a value its own way; a comment is {@code #} in all of them.
 */
enum EnvShell {
    BASH, ZSH, FISH, POWERSHELL;

    /** {@code null} (not given) is bash, docker-machine's default on a Unix host. */
    static EnvShell of(String name) {
        return name == null ? BASH : valueOf(name.toUpperCase(java.util.Locale.ROOT));
    }

    String set(String name, String value) {
        return switch (this) {
            case BASH, ZSH -> "export " + name + "=\"" + escape(value, "\\\"$`", '\\') + "\"";
            case FISH -> "set -gx " + name + " \"" + escape(value, "\\\"$", '\\') + "\";";
            case POWERSHELL -> "$Env:" + name + " = \"" + escape(value, "`\"$", '`') + "\"";
        };
    }

    String unset(String name) {
        return switch (this) {
            case BASH, ZSH -> "unset " + name;
            case FISH -> "set -e " + name + ";";
            case POWERSHELL -> "Remove-Item Env:\\" + name + " -ErrorAction SilentlyContinue";
        };
    }

    /** The line a user runs to apply {@code url}'s output in this shell. */
    String usage(String url) {
        return switch (this) {
            // the API token from where the services keep it (CORESWARM_HOME, ~/.coreswarm by default); never the token itself
            case BASH, ZSH -> "eval \"$(curl -s -H \"Authorization: Bearer $(cat ${CORESWARM_HOME:-$HOME/.coreswarm}/api-token)\" '"
                    + url + "')\"";
            case FISH -> "curl -s -H \"Authorization: Bearer \"(cat $HOME/.coreswarm/api-token) '" + url + "' | source";
            case POWERSHELL -> "curl.exe -s -H \"Authorization: Bearer $(Get-Content $HOME/.coreswarm/api-token)\" '" + url
                    + "' | Out-String | Invoke-Expression";
        };
    }

    /** Each of {@code special} preceded by {@code escape}: inside double quotes, the value is the value. */
    private static String escape(String value, String special, char escape) {
        StringBuilder b = new StringBuilder(value.length());
        for (char ch : value.toCharArray()) {
            if (special.indexOf(ch) >= 0) {
                b.append(escape);
            }
            b.append(ch);
        }
        return b.toString();
    }
}
