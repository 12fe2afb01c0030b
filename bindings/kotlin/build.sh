#!/usr/bin/env bash
# Builds and tests the Kotlin/JVM binding, or runs its demo.
#   bindings/kotlin/build.sh test            package the jar (with the native library) and run every test against it
#   bindings/kotlin/build.sh demo <uuid>     run the seed flow from Kotlin (needs PLIVO_* and a running sandbox)
# Needs `make bindings` first (the generated Kotlin and the debug native library).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
[[ -f "$root/target/bindings/kotlin/plivo/powerpack/plivo_powerpack.kt" ]] || { echo "run 'make bindings' first" >&2; exit 1; }
version=$("$root/scripts/version.sh")
mvn_args=(-B --no-transfer-progress -f "$here/pom.xml" "-Drevision=$version")
case "${1:-test}" in
    test)
        mvn "${mvn_args[@]}" verify
        ;;
    demo)
        # -DskipTests still compiles the test sources, where the demo's main lives.
        mvn "${mvn_args[@]}" -q -DskipTests package dependency:build-classpath \
            -Dmdep.outputFile="$here/target/classpath.txt" -Dmdep.includeScope=test
        java -cp "$here/target/plivo-powerpack-$version.jar:$here/target/test-classes:$(cat "$here/target/classpath.txt")" \
            plivo.powerpack.SeedFlowDemoKt "${2:?usage: build.sh demo <uuid>}"
        ;;
    *) echo "usage: $0 test|demo <uuid>" >&2; exit 2 ;;
esac
