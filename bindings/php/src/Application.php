<?php

declare(strict_types=1);

namespace PlivoPowerpack;

/** The application a Powerpack's numbers are attached to. */
final class Application implements \JsonSerializable
{
    private function __construct(private readonly string $type, private readonly ?string $id)
    {
    }

    /** An XML application by its id (digits). */
    public static function xml(string $appId): self
    {
        return new self('xml', $appId);
    }

    /** A PHLO by its id (a UUID). */
    public static function phlo(string $phloId): self
    {
        return new self('phlo', $phloId);
    }

    /** Detach whatever is attached (sends application_id "none"). */
    public static function detach(): self
    {
        return new self('detach', null);
    }

    /** @return array<string, string> the neutral form the core reads */
    public function jsonSerialize(): array
    {
        return $this->id === null ? ['type' => $this->type] : ['type' => $this->type, 'id' => $this->id];
    }
}
