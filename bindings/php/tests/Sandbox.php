<?php

declare(strict_types=1);

namespace PlivoPowerpack\Tests;

/** A powerpack-sandbox process for the suite (POWERPACK_SANDBOX_BIN), and its admin API. */
final class Sandbox
{
    public const AUTH_ID = 'MASANDBOX00000000001';
    public const TOKEN = 'sandbox-auth-token';

    public static string $url;
    /** @var list<resource> */
    private static array $processes = [];

    public static function start(): void
    {
        self::$url = self::spawn([]);
    }

    /** Starts another sandbox (e.g. with --tls); stopped at exit. Its URL. */
    public static function spawn(array $args): string
    {
        $bin = getenv('POWERPACK_SANDBOX_BIN') ?: throw new \RuntimeException('POWERPACK_SANDBOX_BIN is not set');
        $seed = getenv('POWERPACK_SANDBOX_SEED');
        $command = array_merge([$bin, '--port', '0', '--rate-limit', 'off'], $seed ? ['--seed', $seed] : [], $args);
        $process = proc_open($command, [1 => ['pipe', 'w'], 2 => STDERR], $pipes);
        if (!is_resource($process)) {
            throw new \RuntimeException('could not start the sandbox');
        }
        $url = trim((string) fgets($pipes[1]));
        self::$processes[] = $process;
        if (count(self::$processes) === 1) {
            register_shutdown_function(static function (): void {
                foreach (self::$processes as $p) {
                    proc_terminate($p);
                    proc_close($p);
                }
            });
        }
        return $url;
    }

    public static function admin(string $method, string $path, mixed $body = null): mixed
    {
        $context = stream_context_create(['http' => [
            'method' => $method,
            'header' => "Content-Type: application/json\r\n",
            'content' => $body === null ? '' : json_encode($body),
            'ignore_errors' => true,
        ]]);
        $text = file_get_contents(self::$url . '/__admin/' . $path, false, $context);
        return json_decode((string) $text, true);
    }

    public static function reset(): void
    {
        self::admin('POST', 'reset');
        self::admin('DELETE', 'journal');
        self::admin('DELETE', 'faults');
    }

    /** @param array<string, mixed> $fields */
    public static function fault(string $kind, string $method, string $path, int $count = 1, array $fields = []): void
    {
        self::admin('POST', 'faults', ['kind' => $kind, 'method' => $method, 'path' => $path, 'count' => $count] + $fields);
    }

    /** @return list<array<string, mixed>> */
    public static function journal(): array
    {
        return self::admin('GET', 'journal');
    }

    public static function path(string $uuid = ''): string
    {
        return '/v1/Account/' . self::AUTH_ID . '/Powerpack/' . ($uuid === '' ? '' : "{$uuid}/");
    }
}
