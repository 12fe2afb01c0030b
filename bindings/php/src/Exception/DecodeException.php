<?php

declare(strict_types=1);

namespace PlivoPowerpack\Exception;

/** A 2xx response whose body is not the expected JSON. */
class DecodeException extends PowerpackException
{
}
