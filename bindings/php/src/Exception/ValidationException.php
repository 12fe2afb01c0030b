<?php

declare(strict_types=1);

namespace PlivoPowerpack\Exception;

/** A parameter or setting was refused before anything was sent. */
class ValidationException extends PowerpackException
{
    /** The refused argument or setting: "uuid", "name", "options.colour"... */
    public function getField(): string
    {
        return (string) ($this->getError()['field'] ?? '');
    }
}
