<?php

declare(strict_types=1);

namespace PlivoPowerpack\Model;

/** The answer to a delete or a removal. */
final class DeletedResult
{
    public function __construct(public readonly ?string $response, public readonly ?string $apiId)
    {
    }

    /** @param array<string, mixed> $r */
    public static function fromArray(array $r): self
    {
        return new self($r['response'] ?? null, $r['api_id'] ?? null);
    }
}
