<?php

declare(strict_types=1);

namespace PlivoPowerpack\Tests;

use PHPUnit\Framework\TestCase;
use PlivoPowerpack\Exception\PowerpackException;
use PlivoPowerpack\Exception\RateLimitedException;
use PlivoPowerpack\Exception\ValidationException;
use PlivoPowerpack\PowerpackClient;

/**
 * The conformance vectors of tests/vectors/ through the package's API (arrays in, objects out);
 * results are mapped to the neutral form by neutral(), exceptions by errorFields(). The counts go
 * to target/vectors/php.json.
 */
final class VectorsTest extends TestCase
{
    private const KINDS = ['requests', 'responses', 'retries', 'validation'];
    /** What PHP's API cannot express, and why: nothing. */
    private const SKIPS = [];

    /** @var array<string, int> */
    private static array $counts = ['passed' => 0, 'failed' => 0, 'skipped' => 0];
    /** @var array<string, PowerpackClient> */
    private static array $clients = [];

    private static function root(): string
    {
        return dirname(__DIR__, 3);
    }

    /** @return array<string, mixed> */
    private static function file(string $kind): array
    {
        static $files = [];
        return $files[$kind] ??= json_decode(file_get_contents(self::root() . "/tests/vectors/{$kind}.json"), true);
    }

    /** @return iterable<string, array{string, array<string, mixed>}> */
    public static function vectors(): iterable
    {
        foreach (self::KINDS as $kind) {
            foreach (self::file($kind)['vectors'] as $v) {
                yield "{$kind}: {$v['name']}" => [$kind, $v];
            }
        }
    }

    public static function tearDownAfterClass(): void
    {
        $dir = self::root() . '/target/vectors';
        @mkdir($dir, 0777, true);
        file_put_contents("{$dir}/php.json", json_encode(['language' => 'php'] + self::$counts + ['skips' => []]));
    }

    private static function client(string $kind): PowerpackClient
    {
        $c = self::file($kind)['client'];
        return self::$clients[$kind] ??= new PowerpackClient($c['auth_id'], $c['auth_token'], [
            'base_url' => Sandbox::$url,
            'max_attempts' => $c['retry']['max_attempts'],
            'base_delay' => $c['retry']['base_delay_ms'] / 1000,
            'max_delay' => $c['retry']['max_delay_ms'] / 1000,
        ]);
    }

    /** The operation through the package's API, as a user would write it. */
    private static function call(PowerpackClient $c, string $op, array $a): mixed
    {
        $pool = fn () => $c->numberPool($a['pool_uuid']);
        $limit = $a['limit'] ?? 20;
        $offset = $a['offset'] ?? 0;
        return match ($op) {
            'get_powerpack' => $c->powerpacks->get($a['uuid']),
            'create_powerpack' => $c->powerpacks->create($a['powerpack']),
            'update_powerpack' => $c->powerpacks->update($a['uuid'], $a['changes']),
            'list_powerpacks' => $c->powerpacks->list($limit, $offset),
            'list_all_powerpacks' => $c->powerpacks->listAll(),
            'delete_powerpack' => $c->powerpacks->delete($a['uuid'], $a['unrent_numbers'] ?? false),
            'list_numbers' => ['numbers', $pool()->listNumbers($a['filter'] ?? [], $limit, $offset)],
            'list_all_numbers' => $pool()->listAllNumbers($a['filter'] ?? []),
            'get_number' => $pool()->getNumber($a['number']),
            'add_number' => $pool()->addNumber($a['number'], $a['service'] ?? null),
            'buy_and_add_number' => $pool()->buyAndAddNumber($a['number'], $a['service'] ?? null),
            'remove_number' => $pool()->removeNumber($a['number'], $a['unrent'] ?? false),
            'list_shortcodes' => ['shortcodes', $pool()->listShortcodes($limit, $offset)],
            'list_all_shortcodes' => $pool()->listAllShortcodes(),
            'get_shortcode' => $pool()->getShortcode($a['shortcode']),
            'remove_shortcode' => $pool()->removeShortcode($a['shortcode']),
            'list_tollfree' => ['numbers', $pool()->listTollfree($limit, $offset)],
            'list_all_tollfree' => $pool()->listAllTollfree(),
            'get_tollfree' => $pool()->getTollfree($a['number']),
            'add_tollfree' => $pool()->addTollfree($a['number']),
            'remove_tollfree' => $pool()->removeTollfree($a['number'], $a['unrent'] ?? false),
        };
    }

    /** A result in the neutral form: snake_case keys, times with six fraction digits. */
    private static function neutral(mixed $value, ?string $itemsKey = null): mixed
    {
        if (is_array($value) && count($value) === 2 && is_string($value[0] ?? null) && is_object($value[1] ?? null)) {
            return self::neutral($value[1], $value[0]);
        }
        if ($value instanceof \DateTimeImmutable) {
            return $value->setTimezone(new \DateTimeZone('UTC'))->format('Y-m-d\TH:i:s.u\Z');
        }
        if (is_array($value)) {
            return array_map(fn ($v) => self::neutral($v), $value);
        }
        if (!is_object($value)) {
            return $value;
        }
        $out = [];
        foreach ((new \ReflectionObject($value))->getProperties(\ReflectionProperty::IS_PUBLIC) as $p) {
            $key = strtolower(preg_replace('/(?<!^)[A-Z0-9]/', '_$0', $p->getName()));
            $key = str_replace(['country_iso_2', '_iso_2'], ['country_iso2', '_iso2'], $key);
            $out[$key === 'items' ? $itemsKey : $key] = self::neutral($p->getValue($value));
        }
        return $out;
    }

    /** @return array<string, mixed> */
    private static function errorFields(PowerpackException $e): array
    {
        return ['kind' => $e->getKind(), 'status' => $e->getStatus(), 'api_id' => $e->getApiId(),
            'reason' => $e->getReason(), 'retry_after' => $e instanceof RateLimitedException ? $e->getRetryAfter() : null,
            'field' => $e instanceof ValidationException ? $e->getField() : null, 'body_excerpt' => $e->getBodyExcerpt()];
    }

    /**
     * @dataProvider vectors
     * @param array<string, mixed> $v
     */
    public function testVector(string $kind, array $v): void
    {
        self::$counts['failed']++;
        Sandbox::reset();
        foreach ($v['answers'] as $a) {
            $body = isset($a['body_fixture'])
                ? file_get_contents(self::root() . '/tests/fixtures/official-sdks/' . $a['body_fixture']) : $a['body'];
            Sandbox::admin('POST', 'faults', ['kind' => 'answer', 'count' => 1, 'status' => $a['status'],
                'headers' => $a['headers'], 'body' => $body]);
        }
        try {
            $got = ['result', self::neutral(self::call(self::client($kind), $v['operation'], $v['args']))];
        } catch (PowerpackException $e) {
            $got = ['error', self::errorFields($e)];
        }
        $journal = Sandbox::journal();
        $expect = $v['expect'];
        $every = self::file($kind)['every_request'];
        $this->assertCount($expect['attempts'], $journal, 'attempts');
        foreach ($expect['requests'] ?? [] as $i => $want) {
            $seen = $journal[$i];
            $this->assertSame([$want['method'], $every['path_prefix'] . $want['path'], $want['query'], $want['body']],
                [$seen['method'], $seen['path'], $seen['query'], $seen['body'] === '' ? null : $seen['body']], "request {$i}");
            $headers = array_column($seen['headers'], 1, 0);
            foreach ($want['headers'] + $every['headers'] as $name => $value) {
                $this->assertSame($value, $headers[$name] ?? null, "request {$i} header {$name}");
            }
            $this->assertMatchesRegularExpression('~' . $every['user_agent_pattern'] . '~', $headers['user-agent']);
        }
        if (array_key_exists('result', $expect)) {
            $this->assertSame('result', $got[0], json_encode($got));
            $this->assertEquals($expect['result'], $got[1]);
        } else {
            $this->assertSame('error', $got[0], json_encode($got));
            $this->assertEquals($expect['error'], array_intersect_key($got[1], $expect['error']));
        }
        self::$counts['failed']--;
        self::$counts['passed']++;
    }
}
