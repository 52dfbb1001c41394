# The API token for scripts: source it (. scripts/lib/api.sh), then call the services with api_curl
# as with curl. Every service reads the token from $CORESWARM_HOME/api-token (~/.coreswarm by
# default; the first service to start makes it), so scripts that start services export
# CORESWARM_HOME first: all three then share one token. The header is handed to curl through a
# file descriptor (-H @file), never as an argument, so `ps` does not show the token.
# shellcheck shell=bash
CORESWARM_HOME=${CORESWARM_HOME:-$HOME/.coreswarm}
export CORESWARM_HOME
api_curl() {
  local token
  token=$(<"$CORESWARM_HOME/api-token") || { echo "no API token in $CORESWARM_HOME/api-token: start the services first" >&2; return 1; }
  curl -H @<(printf 'Authorization: Bearer %s\n' "$token") "$@"
}
# wrk with the token: lua=$(api_wrk_lua); wrk -s "$lua" ...; rm -f "$lua". The script (mode 0600,
# made by mktemp) sets the header, so the token is not on wrk's command line either.
api_wrk_lua() {
  local lua
  lua=$(mktemp "${TMPDIR:-/tmp}/coreswarm-wrk.XXXXXX") || return 1
  printf 'wrk.headers["Authorization"] = "Bearer %s"\n' "$(<"$CORESWARM_HOME/api-token")" >"$lua"
  echo "$lua"
}
