<?php

declare(strict_types=1);

namespace PlivoPowerpack\Model;

use PlivoPowerpack\PowerpackClient;

/** One page of Powerpacks. */
final class PowerpackPage
{
    /** @param list<Powerpack> $powerpacks */
    public function __construct(public readonly ListMeta $meta, public readonly array $powerpacks, public readonly ?string $apiId)
    {
    }

    /** @param array<string, mixed> $page */
    public static function fromArray(array $page, ?PowerpackClient $client = null): self
    {
        return new self(ListMeta::fromArray($page['meta']),
            array_map(fn (array $p) => Powerpack::fromArray($p, $client), $page['powerpacks']), $page['api_id'] ?? null);
    }
}
