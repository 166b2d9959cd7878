# Sourced by infra/local/start and infra/local/invoke: picks Java, builds what is missing or out of date,
# installs dynalite. Build output goes to stderr so `invoke` keeps stdout for the response.

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
local_dir="$root/infra/local"
classpath_file="$local_dir/target/dev-server.classpath"

if [[ -z "${JAVA_HOME:-}" && -d /usr/lib/jvm/temurin-25-jdk-amd64 ]]; then
  export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
java_cmd="${JAVA_HOME:+$JAVA_HOME/bin/}java"

# Why a build is needed, or nothing. Checks only file times, so a start with everything built stays fast.
stale_reason() {
  if [[ ! -f "$classpath_file" || ! -d "$local_dir/target/classes" ]]; then
    echo "the dev server is not built"
    return
  fi
  local jar
  while read -r jar; do
    if [[ ! -e "$root/$jar" ]]; then
      echo "$jar is missing"
      return
    fi
  done < <(sed -n 's/^[[:space:]]*CodeUri:[[:space:]]*//p' "$root/template.yaml" | tr -d "\"'" | sort -u)
  local changed
  changed="$(find "$root/pom.xml" "$root/functions" "$root/infra" \
    \( -name target -o -name node_modules \) -prune -o \
    -type f \( -path '*/src/main/*' -o -name pom.xml \) -newer "$classpath_file" -print -quit)"
  if [[ -n "$changed" ]]; then
    echo "${changed#"$root"/} changed"
  fi
}

prepare() {
  local reason
  reason="$(stale_reason)"
  if [[ -n "$reason" && -z "${LOCAL_SKIP_BUILD:-}" ]]; then
    # the format and Error Prone gates belong to `mvn verify`; a dev start only needs the jars
    echo "building, $reason: mvn -B -q -DskipTests -Dspotless.check.skip -Derrorprone.skip install" >&2
    (cd "$root" && mvn -B -q -DskipTests -Dspotless.check.skip -Derrorprone.skip install) >&2
    touch "$classpath_file"
  fi
  if [[ -z "${AWS_ENDPOINT_URL_DYNAMODB:-}" && ! -f "$root/infra/dynalite/node_modules/dynalite/cli.js" ]]; then
    echo "installing dynalite: npm ci" >&2
    (cd "$root/infra/dynalite" && npm ci --no-audit --no-fund --loglevel=error) >&2
  fi
}

dev_classpath() {
  echo "$local_dir/target/classes:$(cat "$classpath_file")"
}
