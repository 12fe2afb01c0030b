<?php

declare(strict_types=1);

namespace PlivoPowerpack\Exception;

/** HTTP 404: no such Powerpack, pool, number or shortcode. */
class NotFoundException extends PowerpackException
{
}
