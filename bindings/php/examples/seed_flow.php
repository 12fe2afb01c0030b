<?php

// The seed's PHP example on plivo-powerpack: get a Powerpack, then update it.
//   php seed_flow.php <powerpack_uuid>      (PLIVO_AUTH_ID, PLIVO_AUTH_TOKEN, PLIVO_BASE_URL)
require $argv[2] ?? 'vendor/autoload.php';

use PlivoPowerpack\Exception\PowerpackException;
use PlivoPowerpack\PowerpackClient;

$client = PowerpackClient::fromEnv(['attempt_timeout' => 40]);
try {
    $powerpack = $client->powerpacks->get($argv[1]);
    $response = $powerpack->update(['name' => 'your-powerpack-name', 'sticky_sender' => false]);
    printf("php: updated %s: name=%s sticky_sender=%s\n", $response->uuid, $response->name,
        var_export($response->stickySender, true));
} catch (PowerpackException $ex) {
    fwrite(STDERR, get_class($ex) . " ({$ex->getStatus()}): {$ex->getMessage()}\n");
    exit(1);
}
