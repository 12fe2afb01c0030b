<?php

declare(strict_types=1);

namespace PlivoPowerpack;

use FFI;
use PlivoPowerpack\Exception\LibraryException;
use PlivoPowerpack\Exception\PowerpackException;

/**
 * The C ABI of the Rust core (libplivo_powerpack_c.so), loaded once per path through ext-ffi.
 * Every string the library hands out is freed here with plivo_string_free, never by PHP.
 *
 * @internal
 */
final class Native
{
    /** The environment variable naming the library's path. */
    public const ENV_LIBRARY = 'PLIVO_POWERPACK_LIB';

    private const DECLARATIONS = <<<'C'
        typedef struct PlivoClient PlivoClient;
        PlivoClient *plivo_client_new(const char *config_json, char **error_out);
        void plivo_client_free(PlivoClient *client);
        char *plivo_client_describe(const PlivoClient *client);
        char *plivo_call(const PlivoClient *client, const char *operation, const char *args_json);
        void plivo_string_free(char *s);
        const char *plivo_version(void);
        C;

    /** @var array<string, self> */
    private static array $loaded = [];

    private function __construct(private readonly FFI $ffi)
    {
    }

    /** The library at $path, else PLIVO_POWERPACK_LIB, else the copy inside this package. */
    public static function load(?string $path = null): self
    {
        $path ??= (getenv(self::ENV_LIBRARY) ?: null) ?? dirname(__DIR__) . '/lib/libplivo_powerpack_c.so';
        if (isset(self::$loaded[$path])) {
            return self::$loaded[$path];
        }
        if (!extension_loaded('ffi') || !class_exists(FFI::class)) {
            throw new LibraryException('plivo-powerpack needs PHP\'s FFI extension (ext-ffi), which is not loaded');
        }
        $enabled = strtolower((string) ini_get('ffi.enable'));
        if ($enabled === '0' || $enabled === 'false' || $enabled === 'off' || $enabled === '') {
            throw new LibraryException('plivo-powerpack needs ffi.enable=1 (or "preload" in the CLI); it is "'
                . ini_get('ffi.enable') . '" here');
        }
        if (!is_file($path)) {
            throw new LibraryException("the plivo-powerpack library is not at {$path}: pass the 'library' option or set "
                . self::ENV_LIBRARY);
        }
        try {
            $ffi = FFI::cdef(self::DECLARATIONS, $path);
        } catch (\FFI\Exception $e) {
            throw new LibraryException("could not load {$path}: " . $e->getMessage(), 0, $e);
        }
        return self::$loaded[$path] = new self($ffi);
    }

    /** A native client from its JSON config; the refusal as an exception. */
    public function newClient(string $config): FFI\CData
    {
        $error = $this->ffi->new('char *');
        $client = $this->ffi->plivo_client_new($config, FFI::addr($error));
        if ($client === null || FFI::isNull($client)) {
            $envelope = $this->take($error);
            throw PowerpackException::fromEnvelope(self::decode($envelope));
        }
        return $client;
    }

    public function freeClient(FFI\CData $client): void
    {
        $this->ffi->plivo_client_free($client);
    }

    public function describe(FFI\CData $client): string
    {
        return $this->take($this->ffi->plivo_client_describe($client));
    }

    /**
     * Runs one operation of the core's table; its result as decoded JSON.
     *
     * @param array<string, mixed> $args
     */
    public function call(FFI\CData $client, string $operation, array $args): mixed
    {
        $json = json_encode((object) $args, JSON_THROW_ON_ERROR | JSON_UNESCAPED_SLASHES | JSON_PRESERVE_ZERO_FRACTION);
        $envelope = self::decode($this->take($this->ffi->plivo_call($client, $operation, $json)));
        if (($envelope['ok'] ?? false) !== true) {
            throw PowerpackException::fromEnvelope($envelope);
        }
        return $envelope['result'] ?? null;
    }

    public function version(): string
    {
        return FFI::string($this->ffi->plivo_version());
    }

    /** The string behind a library-owned pointer, which is then freed. */
    private function take(?FFI\CData $pointer): string
    {
        if ($pointer === null || FFI::isNull($pointer)) {
            return '';
        }
        $text = FFI::string($pointer);
        $this->ffi->plivo_string_free($pointer);
        return $text;
    }

    /** @return array<string, mixed> */
    private static function decode(string $envelope): array
    {
        $decoded = json_decode($envelope, true);
        return is_array($decoded) ? $decoded : ['ok' => false, 'error' => ['kind' => 'internal',
            'message' => 'an unreadable answer from the core', 'reason' => 'an unreadable answer from the core']];
    }
}
