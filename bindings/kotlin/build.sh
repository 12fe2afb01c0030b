#!/usr/bin/env bash
# Tests the staged jar (target/dist/kotlin, made by scripts/dist.sh with the test classes compiled
# beside it), or runs the demo on it:
#   bindings/kotlin/build.sh test            every Kotlin and Java test (failsafe) against the staged jar
#   bindings/kotlin/build.sh demo <uuid>     the seed flow from Kotlin (needs PLIVO_* and a running sandbox)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
version=$("$root/scripts/version.sh")
jar="$root/target/dist/kotlin/plivo-powerpack-$version.jar"
[[ -f "$jar" && -d "$here/target/test-classes" ]] ||
    { echo "no staged jar: run 'make dist-kotlin' (scripts/dist.sh kotlin) first" >&2; exit 1; }
mvn_args=(-B --no-transfer-progress -f "$here/pom.xml" "-Drevision=$version" "-Dpowerpack.jar=$jar")
case "${1:-test}" in
    test)
        # The lifecycle's compile and package steps ran in the staging; only the tests run here.
        mvn "${mvn_args[@]}" failsafe:integration-test failsafe:verify
        ;;
    demo)
        mvn "${mvn_args[@]}" -q dependency:build-classpath \
            -Dmdep.outputFile="$here/target/classpath.txt" -Dmdep.includeScope=test
        java -cp "$jar:$here/target/test-classes:$(cat "$here/target/classpath.txt")" \
            plivo.powerpack.SeedFlowDemoKt "${2:?usage: build.sh demo <uuid>}"
        ;;
    *) echo "usage: $0 test|demo <uuid>" >&2; exit 2 ;;
esac
