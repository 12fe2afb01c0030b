<?php

declare(strict_types=1);

namespace PlivoPowerpack\Exception;

/** A bug in plivo-powerpack; the client still works. */
class InternalException extends PowerpackException
{
}
