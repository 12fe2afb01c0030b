<?php

declare(strict_types=1);

namespace PlivoPowerpack\Model;

/**
 * One page of pool numbers, toll-free numbers or shortcodes.
 *
 * @template T
 */
final class Page
{
    /** @param list<T> $items */
    public function __construct(public readonly ListMeta $meta, public readonly array $items, public readonly ?string $apiId)
    {
    }
}
