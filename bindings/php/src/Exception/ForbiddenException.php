<?php

declare(strict_types=1);

namespace PlivoPowerpack\Exception;

/** HTTP 403: the credentials may not do this. */
class ForbiddenException extends PowerpackException
{
}
