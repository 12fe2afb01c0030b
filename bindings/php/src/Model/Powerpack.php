<?php

declare(strict_types=1);

namespace PlivoPowerpack\Model;

use PlivoPowerpack\NumberPool;
use PlivoPowerpack\PowerpackClient;

/** A Powerpack as the API returns it. `update()` and `delete()` act on it, as in plivo-php. */
final class Powerpack
{
    /**
     * @param list<array<string, mixed>> $numberPriority
     */
    public function __construct(
        public readonly string $uuid,
        public readonly string $name,
        public readonly ?bool $stickySender,
        public readonly ?bool $localConnect,
        /** "XML" or "PHLO" as the API sends it; null when none is attached. */
        public readonly ?string $applicationType,
        public readonly ?string $applicationId,
        public readonly ?string $numberPool,
        public readonly ?string $numberPoolUuid,
        public readonly array $numberPriority,
        public readonly ?\DateTimeImmutable $createdOn,
        public readonly ?string $apiId,
        private readonly ?PowerpackClient $client = null,
    ) {
    }

    /** @param array<string, mixed> $p the core's serde form */
    public static function fromArray(array $p, ?PowerpackClient $client = null): self
    {
        return new self($p['uuid'], $p['name'], $p['sticky_sender'] ?? null, $p['local_connect'] ?? null,
            $p['application_type'] ?? null, $p['application_id'] ?? null, $p['number_pool'] ?? null,
            $p['number_pool_uuid'] ?? null, $p['number_priority'] ?? [], Time::parse($p['created_on'] ?? null),
            $p['api_id'] ?? null, $client);
    }

    /**
     * Updates this Powerpack (the seed's `$powerpack->update(['name' => ...])`); the new state.
     *
     * @param array<string, mixed> $changes
     */
    public function update(array $changes): self
    {
        return $this->client()->updatePowerpack($this->uuid, $changes);
    }

    public function delete(bool $unrentNumbers = false): DeletedResult
    {
        return $this->client()->deletePowerpack($this->uuid, $unrentNumbers);
    }

    public function numberPool(): NumberPool
    {
        return $this->client()->numberPoolOf($this);
    }

    private function client(): PowerpackClient
    {
        return $this->client ?? throw new \LogicException('this Powerpack was not fetched through a client');
    }

    public function __debugInfo(): array
    {
        $fields = get_object_vars($this);
        unset($fields['client']);
        return $fields;
    }
}
