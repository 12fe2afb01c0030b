<?php

declare(strict_types=1);

namespace PlivoPowerpack\Model;

/** @internal the core's timestamps (`2019-10-09T11:10:59.666461Z`, UTC) as DateTimeImmutable */
final class Time
{
    public static function parse(?string $text): ?\DateTimeImmutable
    {
        if ($text === null) {
            return null;
        }
        $time = \DateTimeImmutable::createFromFormat('Y-m-d\TH:i:s.uP', str_replace('Z', '+00:00', $text));
        return $time === false ? null : $time->setTimezone(new \DateTimeZone('UTC'));
    }
}
