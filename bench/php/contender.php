<?php
// Benchmark contender: the PHP binding (the Composer package staged with the release library,
// target/dist-release/php), over the C ABI through ext-ffi.
//
//     php bench/php/contender.php <throughput|cold|latency|soak> <base_url> <uuids_file>
//
// Same protocol as every contender (see bench/run.py): one JSON object on stdout. PHP runs one
// request at a time per process (no threads), so it reports the sequential figures only:
// throughput is 100 warm-up updates then 2,000 sequential updates; there is no concurrent or
// latency figure for it to report.
declare(strict_types=1);

$started = hrtime(true);
[, $mode, $baseUrl, $uuidsFile] = $argv;

$src = dirname(__DIR__, 2) . '/target/dist-release/php/src/';
spl_autoload_register(static function (string $class) use ($src): void {
    $prefix = 'PlivoPowerpack\\';
    if (str_starts_with($class, $prefix)) {
        require $src . str_replace('\\', '/', substr($class, strlen($prefix))) . '.php';
    }
});

use PlivoPowerpack\PowerpackClient;

$uuids = preg_split('/\s+/', trim(file_get_contents($uuidsFile)));
$client = new PowerpackClient(getenv('PLIVO_AUTH_ID'), getenv('PLIVO_AUTH_TOKEN'), ['base_url' => $baseUrl]);

$update = static function (int $i) use ($client, $uuids): void {
    $sticky = $i % 2 === 0;
    $p = $client->updatePowerpack($uuids[$i % count($uuids)], ['sticky_sender' => $sticky]);
    if ($p->stickySender !== $sticky) {
        throw new RuntimeException("update $i: sticky_sender came back wrong");
    }
};

switch ($mode) {
    case 'cold':
        $update(0);
        $out = ['first_call_s' => (hrtime(true) - $started) / 1e9];
        break;
    case 'throughput':
        for ($i = 0; $i < 100; $i++) {
            $update($i);
        }
        $t = hrtime(true);
        for ($i = 0; $i < 2000; $i++) {
            $update($i);
        }
        $out = ['seq_s' => (hrtime(true) - $t) / 1e9];
        break;
    case 'soak':
        for ($i = 0; $i < 100000; $i++) {
            $update($i);
        }
        $out = ['soak_n' => 100000];
        break;
    default:
        $out = ['unsupported' => "PHP runs one request at a time: no $mode figure"];
}
echo json_encode($out), "\n";
