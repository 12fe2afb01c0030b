<?php

declare(strict_types=1);

namespace PlivoPowerpack\Exception;

/** Another 4xx: the API refused the request as sent. */
class InvalidRequestException extends PowerpackException
{
}
