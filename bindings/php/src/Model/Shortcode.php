<?php

declare(strict_types=1);

namespace PlivoPowerpack\Model;

/** A shortcode in a pool. */
final class Shortcode
{
    public function __construct(
        public readonly string $shortcode,
        public readonly ?string $countryIso2,
        public readonly ?string $numberPoolUuid,
        public readonly ?\DateTimeImmutable $addedOn,
        public readonly ?string $apiId,
    ) {
    }

    /** @param array<string, mixed> $s */
    public static function fromArray(array $s): self
    {
        return new self($s['shortcode'], $s['country_iso2'] ?? null, $s['number_pool_uuid'] ?? null,
            Time::parse($s['added_on'] ?? null), $s['api_id'] ?? null);
    }
}
