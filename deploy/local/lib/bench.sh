# shellcheck shell=bash
# Helpers for the benchmark scripts (<module>/bench/*): tools, PostgreSQL, a signing key and tokens the service is
# told to trust, wrk's figures. Expects $work (a temporary directory) before bench_key and bench_token.

say() { printf '[bench] %s\n' "$*" >&2; }
die() { say "error: $*"; exit 1; }

# Installs with apt-get what the benchmark needs and is missing: bench_tools wrk psql curl openssl
bench_tools() {
  local need=() tool
  for tool in "$@"; do
    command -v "$tool" >/dev/null && continue
    case $tool in psql) need+=(postgresql-client) ;; *) need+=("$tool") ;; esac
  done
  if [ ${#need[@]} -gt 0 ]; then
    say "installing ${need[*]} with apt-get"
    local sudo=""; [ "$(id -u)" = 0 ] || sudo=sudo
    $sudo apt-get update -qq && $sudo apt-get install -y -qq "${need[@]}" >/dev/null
  fi
}

psql_db() { psql -X -q -v ON_ERROR_STOP=1 -h "${pg_host:-127.0.0.1}" -p "${pg_port:-5432}" -d "$1" "${@:2}"; }

# A key of the run's own: the service verifies tokens with $work/public.pem (MP_JWT_VERIFY_PUBLICKEY_LOCATION).
bench_key() {
  openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$work/private.pem" 2>/dev/null
  openssl pkey -in "$work/private.pem" -pubout -out "$work/public.pem"
}
b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
# A token of issuer urn:sud-ia:bench for the given group (role): bench_token admin
bench_token() {
  local header payload
  header=$(printf '{"alg":"RS256","typ":"JWT"}' | b64url)
  payload=$(printf '{"iss":"urn:sud-ia:bench","aud":"sudia-api","sub":"bench-%s","upn":"bench-%s","groups":["%s"],"iat":%d,"exp":%d}' \
    "$1" "$1" "$1" "$(date +%s)" "$(( $(date +%s) + 7200 ))" | b64url)
  printf '%s.%s.%s' "$header" "$payload" \
    "$(printf '%s.%s' "$header" "$payload" | openssl dgst -sha256 -sign "$work/private.pem" -binary | b64url)"
}

# wrk --latency output -> "requests req/s p50_ms p99_ms non_2xx"
wrk_stats() {
  awk '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /m$/) return v * 60000; return v * 1000 }
    /^ *50%/ { p50 = ms($2) } /^ *99%/ { p99 = ms($2) } /^Requests\/sec/ { rps = $2 } /Non-2xx/ { bad = $NF }
    /requests in/ { n = $1 }
    END { printf "%s %.0f %.1f %.1f %s\n", n, rps, p50, p99, (bad ? bad : 0) }'
}
