<?php

declare(strict_types=1);

namespace PlivoPowerpack\Exception;

/** The connection failed, was reset, or the body was cut short. */
class NetworkException extends PowerpackException
{
}
