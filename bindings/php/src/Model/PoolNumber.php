<?php

declare(strict_types=1);

namespace PlivoPowerpack\Model;

/** A long code or toll-free number in a pool. */
final class PoolNumber
{
    public function __construct(
        public readonly string $number,
        /** "fixed", "mobile" or "tollfree" (the API's "type"). */
        public readonly ?string $type,
        public readonly ?string $countryIso2,
        public readonly ?string $service,
        public readonly ?string $numberPoolUuid,
        public readonly ?string $accountPhoneNumberResource,
        public readonly ?\DateTimeImmutable $addedOn,
        public readonly ?string $apiId,
    ) {
    }

    /** @param array<string, mixed> $n */
    public static function fromArray(array $n): self
    {
        return new self($n['number'], $n['type'] ?? null, $n['country_iso2'] ?? null, $n['service'] ?? null,
            $n['number_pool_uuid'] ?? null, $n['account_phone_number_resource'] ?? null,
            Time::parse($n['added_on'] ?? null), $n['api_id'] ?? null);
    }

    /**
     * @param list<array<string, mixed>> $list
     * @return list<self>
     */
    public static function listFrom(array $list): array
    {
        return array_map(fn (array $n) => self::fromArray($n), $list);
    }
}
