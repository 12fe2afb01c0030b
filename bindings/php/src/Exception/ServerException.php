<?php

declare(strict_types=1);

namespace PlivoPowerpack\Exception;

/** HTTP 5xx after every retry that was allowed. */
class ServerException extends PowerpackException
{
}
