<?php

declare(strict_types=1);

namespace PlivoPowerpack\Exception;

/** The native library cannot be used: ext-ffi missing or disabled, or the library not found. */
class LibraryException extends \RuntimeException
{
}
