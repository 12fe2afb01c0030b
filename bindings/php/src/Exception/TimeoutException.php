<?php

declare(strict_types=1);

namespace PlivoPowerpack\Exception;

/** A timeout expired: connect, one attempt, or the whole call's deadline. */
class TimeoutException extends PowerpackException
{
}
