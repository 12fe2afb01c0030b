<?php

declare(strict_types=1);

namespace PlivoPowerpack\Exception;

/**
 * Every failure of a Powerpack call: catch this for all of them, or a subclass for one kind.
 * No message, property or dump of it holds the auth token, in any encoding.
 */
class PowerpackException extends \RuntimeException
{
    /** The core's kind of each subclass. */
    private const CLASSES = [
        'validation' => ValidationException::class,
        'authentication' => AuthenticationException::class,
        'forbidden' => ForbiddenException::class,
        'not_found' => NotFoundException::class,
        'invalid_request' => InvalidRequestException::class,
        'rate_limited' => RateLimitedException::class,
        'server' => ServerException::class,
        'timeout' => TimeoutException::class,
        'network' => NetworkException::class,
        'decode' => DecodeException::class,
        'tls' => TlsException::class,
        'internal' => InternalException::class,
    ];

    /**
     * @param array<string, mixed> $error the C ABI's error object
     */
    final public function __construct(private readonly array $error, ?\Throwable $previous = null)
    {
        parent::__construct((string) ($error['message'] ?? $error['reason'] ?? 'plivo-powerpack error'),
            (int) ($error['status'] ?? 0), $previous);
    }

    /** @param array<string, mixed> $envelope */
    public static function fromEnvelope(array $envelope): self
    {
        $error = is_array($envelope['error'] ?? null) ? $envelope['error'] : ['kind' => 'internal', 'message' => 'no error'];
        $class = self::CLASSES[$error['kind'] ?? ''] ?? InternalException::class;
        return new $class($error);
    }

    /** A validation error raised in PHP before anything reaches the core. */
    public static function validation(string $field, string $reason): ValidationException
    {
        return new ValidationException(['kind' => 'validation', 'field' => $field, 'reason' => $reason,
            'message' => "invalid {$field}: {$reason}"]);
    }

    /** @return array<string, mixed> */
    protected function getError(): array
    {
        return $this->error;
    }

    /** validation, not_found, rate_limited...: the core's ErrorKind. */
    public function getKind(): string
    {
        return (string) ($this->error['kind'] ?? 'internal');
    }

    /** The HTTP status of an API error, null for local and transport errors. */
    public function getStatus(): ?int
    {
        return isset($this->error['status']) ? (int) $this->error['status'] : null;
    }

    /** The api_id Plivo gave the failed request, when its body had one. */
    public function getApiId(): ?string
    {
        return $this->error['api_id'] ?? null;
    }

    /** The server's message, or what went wrong locally. */
    public function getReason(): string
    {
        return (string) ($this->error['reason'] ?? '');
    }

    /** The start of the error body (at most 512 bytes). */
    public function getBodyExcerpt(): ?string
    {
        return $this->error['body_excerpt'] ?? null;
    }
}
