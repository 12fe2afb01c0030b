<?php

declare(strict_types=1);

namespace PlivoPowerpack\Exception;

/** HTTP 401: the auth_id / auth_token pair was refused. */
class AuthenticationException extends PowerpackException
{
}
