#!/usr/bin/env bash
# Installs the staged Composer package (target/dist/php, made by scripts/dist.sh: composer.json,
# src/, README.md and lib/libplivo_powerpack_c.so) into a test project with Composer from a path
# repository (target/php-test; no Packagist), and runs against that installed copy:
#   bindings/php/build.sh test            composer validate, PHPUnit against a fresh sandbox
#   bindings/php/build.sh demo <uuid>     the seed's PHP flow (needs PLIVO_* and a running sandbox)
# Needs the debug build (the sandbox), php-cli with FFI, composer and phpunit (Debian's).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
stage="$root/target/dist/php"
project="$root/target/php-test"
export COMPOSER_ALLOW_SUPERUSER=1 COMPOSER_NO_INTERACTION=1 COMPOSER_HOME="$root/target/composer-home"

[[ -f "$stage/composer.json" && -f "$stage/lib/libplivo_powerpack_c.so" ]] ||
    { echo "no staged Composer package: run 'make dist-php' (scripts/dist.sh php) first" >&2; exit 1; }
rm -rf "$project"
mkdir -p "$project"
composer validate --quiet --strict --no-check-publish "$stage/composer.json"

cat >"$project/composer.json" <<JSON
{
    "name": "plivo-powerpack/php-test",
    "description": "The test project that installs the staged package",
    "license": "MIT",
    "require": {"plivo-powerpack/plivo-powerpack": "*@dev"},
    "repositories": [
        {"type": "path", "url": "$stage", "options": {"symlink": false}},
        {"packagist.org": false}
    ]
}
JSON
composer install --quiet --no-progress --working-dir "$project"
export PHP_TEST_AUTOLOAD="$project/vendor/autoload.php"

case "${1:-test}" in
    test)
        POWERPACK_SANDBOX_BIN="$root/target/debug/powerpack-sandbox" \
            POWERPACK_SANDBOX_SEED="$root/examples/sandbox/rented-numbers.json" \
            phpunit --bootstrap "$here/tests/bootstrap.php" --do-not-cache-result ${PHPUNIT_FLAGS:-} "$here/tests"
        ;;
    demo)
        php "$here/examples/seed_flow.php" "${2:?usage: build.sh demo <uuid>}" "$PHP_TEST_AUTOLOAD"
        ;;
    *)
        echo "usage: build.sh test|demo <uuid>" >&2
        exit 2
        ;;
esac
