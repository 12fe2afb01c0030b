<?php

declare(strict_types=1);

namespace PlivoPowerpack\Tests;

use PHPUnit\Framework\TestCase;
use PlivoPowerpack\Application;
use PlivoPowerpack\Exception\AuthenticationException;
use PlivoPowerpack\Exception\DecodeException;
use PlivoPowerpack\Exception\ForbiddenException;
use PlivoPowerpack\Exception\InvalidRequestException;
use PlivoPowerpack\Exception\NetworkException;
use PlivoPowerpack\Exception\NotFoundException;
use PlivoPowerpack\Exception\PowerpackException;
use PlivoPowerpack\Exception\RateLimitedException;
use PlivoPowerpack\Exception\ServerException;
use PlivoPowerpack\Exception\TimeoutException;
use PlivoPowerpack\Exception\TlsException;
use PlivoPowerpack\Exception\ValidationException;
use PlivoPowerpack\Model\Powerpack;
use PlivoPowerpack\PowerpackClient;

final class PowerpackClientTest extends TestCase
{
    protected function setUp(): void
    {
        Sandbox::reset();
    }

    /** @param array<string, mixed> $options */
    private static function client(array $options = []): PowerpackClient
    {
        return new PowerpackClient(Sandbox::AUTH_ID, Sandbox::TOKEN,
            $options + ['base_url' => Sandbox::$url, 'base_delay' => 0.005, 'max_delay' => 0.02]);
    }

    /** @return array<string, string> */
    private static function headers(array $entry): array
    {
        $headers = [];
        foreach ($entry['headers'] as [$name, $value]) {
            $headers[$name] = $value;
        }
        return $headers;
    }

    public function testTheInstalledPackageIsTheOneUnderTest(): void
    {
        $file = (new \ReflectionClass(PowerpackClient::class))->getFileName();
        $this->assertStringContainsString('/vendor/plivo-powerpack/plivo-powerpack/src/', $file);
    }

    public function testTheSeedsFormGetsThenUpdatesWithExactlyTheChanges(): void
    {
        $client = self::client();
        $created = $client->powerpacks->create(['name' => 'php-seed']);
        Sandbox::admin('DELETE', 'journal');

        $powerpack = $client->powerpacks->get($created->uuid);
        $response = $powerpack->update(['name' => 'your-powerpack-name', 'sticky_sender' => false]);

        $this->assertInstanceOf(Powerpack::class, $response);
        $this->assertSame('your-powerpack-name', $response->name);
        $this->assertFalse($response->stickySender);
        $this->assertTrue($response->localConnect);
        $this->assertInstanceOf(\DateTimeImmutable::class, $response->createdOn);
        $this->assertSame('UTC', $response->createdOn->getTimezone()->getName());
        [$get, $update] = Sandbox::journal();
        $this->assertSame(['GET', Sandbox::path($created->uuid), ''], [$get['method'], $get['path'], $get['body']]);
        $this->assertSame('POST', $update['method']);
        $this->assertSame(Sandbox::path($created->uuid), $update['path']);
        $this->assertSame('{"name":"your-powerpack-name","sticky_sender":false}', $update['body']);
        $headers = self::headers($update);
        $this->assertSame('application/json', $headers['content-type']);
        $this->assertSame('Basic ' . Sandbox::AUTH_ID . ':***', $headers['authorization']);
        $this->assertStringContainsString(' php/' . PHP_VERSION, $headers['user-agent']);
    }

    public function testTheDotNetFormAndEveryApplicationSpelling(): void
    {
        $client = self::client();
        $uuid = $client->createPowerpack(['name' => 'forms'])->uuid;
        Sandbox::admin('DELETE', 'journal');
        $client->updatePowerpack($uuid, ['sticky_sender' => false, 'local_connect' => false,
            'application' => Application::xml('20342783288007824')]);
        $client->updatePowerpack($uuid, ['application_type' => 'XML', 'application_id' => '20342783288007824']);
        $detached = $client->updatePowerpack($uuid, ['application_id' => 'none']);
        $this->assertNull($detached->applicationId);
        $bodies = array_column(Sandbox::journal(), 'body');
        $this->assertSame([
            '{"application_id":"20342783288007824","application_type":"xml","local_connect":false,"sticky_sender":false}',
            '{"application_id":"20342783288007824","application_type":"xml"}',
            '{"application_id":"none"}',
        ], $bodies);
    }

    public function testCreateListAndDelete(): void
    {
        $client = self::client();
        for ($i = 0; $i < 23; $i++) {
            $client->createPowerpack(['name' => sprintf('pp-%02d', $i), 'local_connect' => false]);
        }
        $page = $client->powerpacks->list(5, 20);
        $this->assertSame([23, 5, 20], [$page->meta->totalCount, $page->meta->limit, $page->meta->offset]);
        $this->assertCount(3, $page->powerpacks);
        $all = $client->powerpacks->listAll();
        $this->assertCount(23, $all);
        Sandbox::admin('DELETE', 'journal');
        $this->assertSame('success', $all[0]->delete()->response);
        $this->assertSame('{"unrent_numbers":false}', Sandbox::journal()[0]['body']);
    }

    /** @return iterable<string, array{callable(PowerpackClient): mixed, string}> */
    public static function invalidCalls(): iterable
    {
        yield 'uuid with a slash' => [fn (PowerpackClient $c) => $c->getPowerpack('a/b'), 'uuid'];
        yield 'empty update' => [fn (PowerpackClient $c) => $c->updatePowerpack('u', []), 'update'];
        yield 'blank name' => [fn (PowerpackClient $c) => $c->updatePowerpack('u', ['name' => ' ']), 'name'];
        yield 'unknown key' => [fn (PowerpackClient $c) => $c->updatePowerpack('u', ['colour' => 'red']), 'colour'];
        yield 'phlo id' => [fn (PowerpackClient $c) => $c->updatePowerpack('u', ['application' => Application::phlo('x')]), 'application.phlo_id'];
        yield 'limit' => [fn (PowerpackClient $c) => $c->listPowerpacks(21), 'limit'];
        yield 'pool uuid' => [fn (PowerpackClient $c) => $c->numberPool('nope')->getNumber('14155550100'), 'pool_uuid'];
        yield 'number with +' => [fn (PowerpackClient $c) => $c->numberPool('ca5fd1f2-26c0-43e9-a7e4-0f7c6e4bbd0f')->addNumber('+14155550100'), 'number'];
    }

    /** @dataProvider invalidCalls */
    public function testBadInputIsRefusedBeforeAnyIo(callable $call, string $field): void
    {
        $client = self::client();
        try {
            $call($client);
            $this->fail('no exception');
        } catch (ValidationException $e) {
            $this->assertSame($field, $e->getField());
            $this->assertSame('validation', $e->getKind());
            $this->assertNull($e->getStatus());
        }
        $this->assertSame([], Sandbox::journal());
    }

    public function testUnknownOptionsAndBadSettingsAreRefused(): void
    {
        foreach ([
            [['colour' => 'red'], 'options.colour'],
            [['attempt_timeout' => 'soon'], 'options.attempt_timeout'],
            [['attempt_timeout' => 0], 'attempt_timeout'],
            [['base_url' => 'http://example.com'], 'base_url'],
            [['root_certificates_pem' => ['nope']], 'root_certificates_pem[0]'],
        ] as [$options, $field]) {
            try {
                new PowerpackClient(Sandbox::AUTH_ID, Sandbox::TOKEN, $options);
                $this->fail("accepted {$field}");
            } catch (ValidationException $e) {
                $this->assertSame($field, $e->getField());
            }
        }
        $this->expectException(ValidationException::class);
        new PowerpackClient('MA123', Sandbox::TOKEN);
    }

    public function testEveryErrorKindFromTheSandboxsFaults(): void
    {
        $client = self::client();
        $path = Sandbox::path('x');
        $cases = [
            [fn () => Sandbox::fault('status', 'GET', $path, 1, ['status' => 403]), ForbiddenException::class, 403, 1],
            [fn () => null, NotFoundException::class, 404, 1],
            [fn () => Sandbox::fault('status', 'GET', $path, 1, ['status' => 400, 'message' => 'bad thing']), InvalidRequestException::class, 400, 1],
            [fn () => Sandbox::fault('status', 'GET', $path, 3, ['status' => 503]), ServerException::class, 503, 3],
            [fn () => Sandbox::fault('status', 'GET', $path, 1, ['status' => 500]), ServerException::class, 500, 1],
            [fn () => Sandbox::fault('html502', 'GET', $path, 3), ServerException::class, 502, 3],
            [fn () => Sandbox::fault('malformed_json', 'GET', $path), DecodeException::class, null, 1],
            [fn () => Sandbox::fault('reset', 'GET', $path, 3), NetworkException::class, null, 3],
        ];
        foreach ($cases as [$setup, $class, $status, $attempts]) {
            Sandbox::admin('DELETE', 'journal');
            $setup();
            try {
                $client->getPowerpack('x');
                $this->fail("no {$class}");
            } catch (PowerpackException $e) {
                $this->assertInstanceOf($class, $e, $e->getMessage());
                $this->assertSame($status, $e->getStatus(), $class);
            }
            $this->assertCount($attempts, Sandbox::journal(), $class);
        }

        Sandbox::fault('status', 'GET', $path, 1, ['status' => 400, 'message' => 'bad thing']);
        try {
            $client->getPowerpack('x');
        } catch (InvalidRequestException $e) {
            $this->assertSame('bad thing', $e->getReason());
            $this->assertNotNull($e->getApiId());
            $this->assertStringContainsString('bad thing', (string) $e->getBodyExcerpt());
        }

        $wrong = new PowerpackClient(Sandbox::AUTH_ID, 'wrong-php-token', ['base_url' => Sandbox::$url]);
        try {
            $wrong->listPowerpacks();
            $this->fail('no 401');
        } catch (AuthenticationException $e) {
            $this->assertSame(401, $e->getStatus());
            $this->assertStringNotContainsString('wrong-php-token', $e->getMessage() . print_r($e, true));
        }
    }

    public function testRateLimitsAreWaitedForThenReportedWithRetryAfter(): void
    {
        $client = self::client();
        $uuid = $client->createPowerpack(['name' => 'rl'])->uuid;
        Sandbox::fault('status', 'GET', Sandbox::path($uuid), 1, ['status' => 429, 'retry_after_secs' => 1]);
        $started = microtime(true);
        $this->assertSame($uuid, $client->getPowerpack($uuid)->uuid);
        $this->assertGreaterThan(0.9, microtime(true) - $started, 'Retry-After honoured');

        Sandbox::fault('status', 'GET', Sandbox::path('x'), 3, ['status' => 429, 'retry_after_secs' => 120]);
        try {
            $client->getPowerpack('x');
            $this->fail('no 429');
        } catch (RateLimitedException $e) {
            $this->assertSame(429, $e->getStatus());
            $this->assertSame(120.0, $e->getRetryAfter());
        }
    }

    public function testAHangIsBoundedByTheTimeouts(): void
    {
        $client = self::client(['attempt_timeout' => 0.2, 'total_deadline' => 0.3, 'max_attempts' => 1]);
        Sandbox::fault('hang', 'GET', Sandbox::path('hung'), 3);
        $started = microtime(true);
        try {
            $client->getPowerpack('hung');
            $this->fail('no timeout');
        } catch (TimeoutException $e) {
            $this->assertLessThan(5, microtime(true) - $started);
        }
        $this->assertCount(1, Sandbox::journal());
    }

    public function testTheTokenIsInNoMessageDumpOrPrint(): void
    {
        $secret = 'tok-php-very-secret';
        $client = new PowerpackClient(Sandbox::AUTH_ID, $secret, ['base_url' => Sandbox::$url]);
        Sandbox::fault('echo_credentials', 'GET', Sandbox::path('x'));
        try {
            $client->getPowerpack('x');
            $this->fail('no error');
        } catch (InvalidRequestException $e) {
            $this->assertSame('bad credentials ' . Sandbox::AUTH_ID . ':*** (Authorization: Basic ***)', $e->getReason());
            $exception = print_r($e, true) . var_export($e->getMessage(), true) . $e->getBodyExcerpt();
        }
        ob_start();
        var_dump($client);
        var_dump($client->powerpacks);
        $dumped = ob_get_clean() . print_r($client, true) . $client . print_r($client->powerpacks, true);
        $header = base64_encode(Sandbox::AUTH_ID . ':' . $secret);
        foreach ([$dumped, $exception] as $text) {
            $this->assertStringNotContainsString($secret, $text);
            $this->assertStringNotContainsString($header, $text);
        }
        $this->assertStringContainsString('***', $dumped);
        $this->assertStringContainsString(Sandbox::AUTH_ID, $dumped);
    }

    public function testTlsWithACustomCa(): void
    {
        $ca = tempnam(sys_get_temp_dir(), 'ca');
        $url = Sandbox::spawn(['--tls', '--tls-ca-out', $ca]);
        $trusted = new PowerpackClient(Sandbox::AUTH_ID, Sandbox::TOKEN,
            ['base_url' => $url, 'root_certificates_pem' => [file_get_contents($ca)]]);
        $this->assertSame(0, $trusted->listPowerpacks()->meta->totalCount);
        $untrusted = new PowerpackClient(Sandbox::AUTH_ID, Sandbox::TOKEN, ['base_url' => $url]);
        $this->expectException(TlsException::class);
        $untrusted->listPowerpacks();
    }

    public function testFromEnv(): void
    {
        putenv('PLIVO_AUTH_ID=' . Sandbox::AUTH_ID);
        putenv('PLIVO_AUTH_TOKEN=' . Sandbox::TOKEN);
        putenv('PLIVO_BASE_URL=' . Sandbox::$url);
        try {
            $this->assertSame(0, PowerpackClient::fromEnv()->listPowerpacks()->meta->totalCount);
            putenv('PLIVO_AUTH_TOKEN');
            $this->expectException(ValidationException::class);
            PowerpackClient::fromEnv();
        } finally {
            putenv('PLIVO_AUTH_ID');
            putenv('PLIVO_AUTH_TOKEN');
            putenv('PLIVO_BASE_URL');
        }
    }

    public function testAClearExceptionWithoutFfiOrWithoutTheLibrary(): void
    {
        try {
            self::client(['library' => '/nowhere/libplivo_powerpack_c.so']);
            $this->fail('loaded a missing library');
        } catch (\PlivoPowerpack\Exception\LibraryException $e) {
            $this->assertStringContainsString('/nowhere/libplivo_powerpack_c.so', $e->getMessage());
            $this->assertStringContainsString('PLIVO_POWERPACK_LIB', $e->getMessage());
        }
        $autoload = getenv('PHP_TEST_AUTOLOAD');
        $script = 'require ' . var_export($autoload, true) . '; try { new PlivoPowerpack\PowerpackClient("'
            . Sandbox::AUTH_ID . '", "t"); } catch (PlivoPowerpack\Exception\LibraryException $e) { echo $e->getMessage(); }';
        $out = shell_exec(escapeshellarg(PHP_BINARY) . ' -d ffi.enable=0 -r ' . escapeshellarg($script));
        $this->assertStringContainsString('ffi.enable', (string) $out);
    }
}
