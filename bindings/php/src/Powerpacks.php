<?php

declare(strict_types=1);

namespace PlivoPowerpack;

use PlivoPowerpack\Model\DeletedResult;
use PlivoPowerpack\Model\Powerpack;
use PlivoPowerpack\Model\PowerpackPage;

/** `$client->powerpacks`: the official SDK's shape over the client's typed methods. */
final class Powerpacks
{
    public function __construct(private readonly PowerpackClient $client)
    {
    }

    public function get(string $uuid): Powerpack
    {
        return $this->client->getPowerpack($uuid);
    }

    /** @param array<string, mixed> $changes */
    public function update(string $uuid, array $changes): Powerpack
    {
        return $this->client->updatePowerpack($uuid, $changes);
    }

    /** @param array<string, mixed> $powerpack */
    public function create(array $powerpack): Powerpack
    {
        return $this->client->createPowerpack($powerpack);
    }

    public function list(int $limit = 20, int $offset = 0): PowerpackPage
    {
        return $this->client->listPowerpacks($limit, $offset);
    }

    /** @return list<Powerpack> */
    public function listAll(): array
    {
        return $this->client->listAllPowerpacks();
    }

    public function delete(string $uuid, bool $unrentNumbers = false): DeletedResult
    {
        return $this->client->deletePowerpack($uuid, $unrentNumbers);
    }

    public function __debugInfo(): array
    {
        return [];
    }
}
