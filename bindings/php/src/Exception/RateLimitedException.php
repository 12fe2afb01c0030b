<?php

declare(strict_types=1);

namespace PlivoPowerpack\Exception;

/** HTTP 429 after every retry was spent. */
class RateLimitedException extends PowerpackException
{
    /** The server's Retry-After in seconds, when it sent one. */
    public function getRetryAfter(): ?float
    {
        $after = $this->getError()['retry_after'] ?? null;
        return $after === null ? null : (float) $after;
    }
}
