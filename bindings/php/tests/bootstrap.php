<?php

declare(strict_types=1);

// The installed package's autoloader (the test project's vendor/, made by build.sh), never src/.
require getenv('PHP_TEST_AUTOLOAD') ?: __DIR__ . '/../../../target/php-test/vendor/autoload.php';
require __DIR__ . '/Sandbox.php';

PlivoPowerpack\Tests\Sandbox::start();
