<?php

declare(strict_types=1);

namespace PlivoPowerpack\Exception;

/** The TLS handshake failed: the server's certificate was refused. */
class TlsException extends PowerpackException
{
}
