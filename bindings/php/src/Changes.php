<?php

declare(strict_types=1);

namespace PlivoPowerpack;

/**
 * A create or update array in the core's neutral form. It only renames: the API's own
 * `application_type` + `application_id` (as plivo-php takes them) become one `application`; the
 * core checks everything, and refuses unknown keys naming them.
 *
 * @internal
 */
final class Changes
{
    /**
     * @param array<string, mixed> $changes
     * @return array<string, mixed>
     */
    public static function of(array $changes): array
    {
        if (array_key_exists('application_id', $changes) || array_key_exists('application_type', $changes)) {
            $id = $changes['application_id'] ?? null;
            $type = $changes['application_type'] ?? null;
            unset($changes['application_id'], $changes['application_type']);
            $changes['application'] = $id === 'none' && $type === null
                ? ['type' => 'detach']
                : ['type' => is_string($type) ? strtolower($type) : $type, 'id' => $id];
        }
        return $changes;
    }
}
