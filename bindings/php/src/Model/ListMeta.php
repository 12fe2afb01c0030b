<?php

declare(strict_types=1);

namespace PlivoPowerpack\Model;

/** A list page's paging information. */
final class ListMeta
{
    public function __construct(
        public readonly int $limit,
        public readonly int $offset,
        public readonly int $totalCount,
        public readonly ?string $next,
        public readonly ?string $previous,
    ) {
    }

    /** @param array<string, mixed> $m */
    public static function fromArray(array $m): self
    {
        return new self($m['limit'], $m['offset'], $m['total_count'], $m['next'] ?? null, $m['previous'] ?? null);
    }
}
