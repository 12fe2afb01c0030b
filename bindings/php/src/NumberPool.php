<?php

declare(strict_types=1);

namespace PlivoPowerpack;

use PlivoPowerpack\Model\DeletedResult;
use PlivoPowerpack\Model\ListMeta;
use PlivoPowerpack\Model\Page;
use PlivoPowerpack\Model\PoolNumber;
use PlivoPowerpack\Model\Shortcode;

/**
 * A Powerpack's number pool: long codes, shortcodes, toll-free numbers. Costs nothing until a
 * call; adding never buys a number (`"rent": false`), removing never releases one unless asked.
 */
final class NumberPool
{
    public function __construct(private readonly PowerpackClient $client, public readonly string $uuid)
    {
    }

    /**
     * One page of the pool's numbers. $filter keys: starts_with (list of digit prefixes, needs
     * country_iso2), country_iso2, number_type ('fixed', 'mobile', 'tollfree'), service ('sms', 'mms').
     *
     * @param array<string, mixed> $filter
     * @return Page<PoolNumber>
     */
    public function listNumbers(array $filter = [], int $limit = 20, int $offset = 0): Page
    {
        return $this->numberPage($this->call('list_numbers', ['filter' => (object) $filter, 'limit' => $limit, 'offset' => $offset]));
    }

    /**
     * @param array<string, mixed> $filter
     * @return list<PoolNumber> every matching number, all pages
     */
    public function listAllNumbers(array $filter = []): array
    {
        return PoolNumber::listFrom($this->call('list_all_numbers', ['filter' => (object) $filter]));
    }

    public function getNumber(string $number): PoolNumber
    {
        return PoolNumber::fromArray($this->call('get_number', ['number' => $number]));
    }

    /** Adds a number the account already rents ("rent": false); $service 'sms' or 'mms'. */
    public function addNumber(string $number, ?string $service = null): PoolNumber
    {
        return PoolNumber::fromArray($this->call('add_number', self::withService(['number' => $number], $service)));
    }

    /** Rents the number for the account and adds it ("rent": true). Costs money; never retried once it may have arrived. */
    public function buyAndAddNumber(string $number, ?string $service = null): PoolNumber
    {
        return PoolNumber::fromArray($this->call('buy_and_add_number', self::withService(['number' => $number], $service)));
    }

    public function removeNumber(string $number, bool $unrent = false): DeletedResult
    {
        return DeletedResult::fromArray($this->call('remove_number', ['number' => $number, 'unrent' => $unrent]));
    }

    /** @return Page<Shortcode> */
    public function listShortcodes(int $limit = 20, int $offset = 0): Page
    {
        $page = $this->call('list_shortcodes', ['limit' => $limit, 'offset' => $offset]);
        return new Page(ListMeta::fromArray($page['meta']), array_map(fn (array $s) => Shortcode::fromArray($s), $page['shortcodes']), $page['api_id'] ?? null);
    }

    /** @return list<Shortcode> */
    public function listAllShortcodes(): array
    {
        return array_map(fn (array $s) => Shortcode::fromArray($s), $this->call('list_all_shortcodes', []));
    }

    public function getShortcode(string $shortcode): Shortcode
    {
        return Shortcode::fromArray($this->call('get_shortcode', ['shortcode' => $shortcode]));
    }

    public function removeShortcode(string $shortcode): DeletedResult
    {
        return DeletedResult::fromArray($this->call('remove_shortcode', ['shortcode' => $shortcode]));
    }

    /** @return Page<PoolNumber> */
    public function listTollfree(int $limit = 20, int $offset = 0): Page
    {
        return $this->numberPage($this->call('list_tollfree', ['limit' => $limit, 'offset' => $offset]));
    }

    /** @return list<PoolNumber> */
    public function listAllTollfree(): array
    {
        return PoolNumber::listFrom($this->call('list_all_tollfree', []));
    }

    public function getTollfree(string $number): PoolNumber
    {
        return PoolNumber::fromArray($this->call('get_tollfree', ['number' => $number]));
    }

    public function addTollfree(string $number): PoolNumber
    {
        return PoolNumber::fromArray($this->call('add_tollfree', ['number' => $number]));
    }

    public function removeTollfree(string $number, bool $unrent = false): DeletedResult
    {
        return DeletedResult::fromArray($this->call('remove_tollfree', ['number' => $number, 'unrent' => $unrent]));
    }

    /** @param array<string, mixed> $args */
    private function call(string $operation, array $args): mixed
    {
        return $this->client->call($operation, ['pool_uuid' => $this->uuid] + $args);
    }

    /**
     * @param array<string, mixed> $page
     * @return Page<PoolNumber>
     */
    private function numberPage(array $page): Page
    {
        return new Page(ListMeta::fromArray($page['meta']), PoolNumber::listFrom($page['numbers']), $page['api_id'] ?? null);
    }

    /**
     * @param array<string, mixed> $args
     * @return array<string, mixed>
     */
    private static function withService(array $args, ?string $service): array
    {
        return $service === null ? $args : $args + ['service' => $service];
    }
}
