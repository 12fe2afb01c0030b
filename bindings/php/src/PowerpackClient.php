<?php

declare(strict_types=1);

namespace PlivoPowerpack;

use FFI\CData;
use PlivoPowerpack\Exception\PowerpackException;
use PlivoPowerpack\Model\DeletedResult;
use PlivoPowerpack\Model\Powerpack;
use PlivoPowerpack\Model\PowerpackPage;

/**
 * A Powerpack API client on the plivo-powerpack core: validation before any I/O, retries with
 * backoff, timeouts, typed exceptions, the auth token masked everywhere (it is not even kept in
 * a PHP property, so var_dump and print_r cannot show it).
 *
 *     $client = new PowerpackClient('MAXXXXXXXXXXXXXXXXXX', 'auth_token', ['attempt_timeout' => 10]);
 *     $powerpack = $client->powerpacks->get($uuid);
 *     $updated = $powerpack->update(['name' => 'support', 'sticky_sender' => false]);
 */
final class PowerpackClient
{
    /**
     * Options and what they become in the core: durations are seconds (int or float).
     */
    private const OPTIONS = [
        'base_url' => 'base_url',
        'connect_timeout' => 'connect_timeout_ms',
        'attempt_timeout' => 'attempt_timeout_ms',
        'total_deadline' => 'total_deadline_ms',
        'max_attempts' => 'retry.max_attempts',
        'base_delay' => 'retry.base_delay_ms',
        'max_delay' => 'retry.max_delay_ms',
        'user_agent_suffix' => 'user_agent_suffix',
        'proxy' => 'proxy',
        'skip_auth_id_check' => 'skip_auth_id_check',
        'root_certificates_pem' => 'root_certificates_pem',
        'trust_store' => 'trust_store',
        'library' => null,
    ];

    /** The Powerpacks of the account, in the official SDK's shape: `$client->powerpacks->get($uuid)`. */
    public readonly Powerpacks $powerpacks;

    private readonly Native $native;
    private readonly CData $handle;
    private readonly string $description;

    /**
     * @param array<string, mixed> $options base_url, connect_timeout, attempt_timeout, total_deadline
     *        (seconds), max_attempts, base_delay, max_delay (seconds), user_agent_suffix, proxy,
     *        skip_auth_id_check, root_certificates_pem (list of PEM texts), trust_store
     *        ('bundled' or 'system'), library (the path of libplivo_powerpack_c.so). An unknown
     *        key is refused with a ValidationException before anything is sent.
     */
    public function __construct(string $authId, #[\SensitiveParameter] string $authToken, array $options = [])
    {
        $this->init(['auth_id' => $authId, 'auth_token' => $authToken], $options);
    }

    /**
     * A client with credentials from PLIVO_AUTH_ID and PLIVO_AUTH_TOKEN, the base URL from
     * PLIVO_BASE_URL and extra CAs from the PEM file PLIVO_CA_BUNDLE when set.
     *
     * @param array<string, mixed> $options as for the constructor; base_url overrides the environment's
     */
    public static function fromEnv(array $options = []): self
    {
        $client = (new \ReflectionClass(self::class))->newInstanceWithoutConstructor();
        $client->init([], $options);
        return $client;
    }

    /**
     * @param array<string, mixed> $credentials
     * @param array<string, mixed> $options
     */
    private function init(array $credentials, array $options): void
    {
        $config = $credentials;
        foreach ($options as $key => $value) {
            if (!array_key_exists((string) $key, self::OPTIONS)) {
                throw PowerpackException::validation("options.{$key}", 'unknown option; known: '
                    . implode(', ', array_keys(self::OPTIONS)));
            }
            $target = self::OPTIONS[$key];
            if ($target === null) {
                continue;
            }
            if (str_ends_with($target, '_ms')) {
                if (!is_int($value) && !is_float($value)) {
                    throw PowerpackException::validation("options.{$key}", 'must be a number of seconds');
                }
                $value = (int) round($value * 1000);
            }
            if (str_starts_with($target, 'retry.')) {
                $config['retry'][substr($target, 6)] = $value;
            } else {
                $config[$target] = $value;
            }
        }
        $config['user_agent_suffix'] ??= 'php/' . PHP_VERSION;
        $this->native = Native::load($options['library'] ?? null);
        $this->handle = $this->native->newClient(json_encode($config, JSON_THROW_ON_ERROR | JSON_UNESCAPED_SLASHES));
        $this->description = $this->native->describe($this->handle);
        $this->powerpacks = new Powerpacks($this);
    }

    public function __destruct()
    {
        if (isset($this->handle)) {
            $this->native->freeClient($this->handle);
        }
    }

    /** What var_dump and print_r show: the account, URL and timeouts, the token as ***. */
    public function __debugInfo(): array
    {
        return ['client' => $this->description];
    }

    public function __toString(): string
    {
        return $this->description;
    }

    /**
     * Runs one operation of the core's table with its arguments (the C ABI's neutral JSON form).
     *
     * @param array<string, mixed> $args
     * @internal the typed methods are the API; this is the one path they share
     */
    public function call(string $operation, array $args): mixed
    {
        return $this->native->call($this->handle, $operation, $args);
    }

    public function getPowerpack(string $uuid): Powerpack
    {
        return Powerpack::fromArray($this->call('get_powerpack', ['uuid' => $uuid]), $this);
    }

    /**
     * Creates a Powerpack: `['name' => ..., 'sticky_sender' => false, 'application' => ...]`.
     *
     * @param array<string, mixed> $powerpack
     */
    public function createPowerpack(array $powerpack): Powerpack
    {
        return Powerpack::fromArray($this->call('create_powerpack', ['powerpack' => Changes::of($powerpack)]), $this);
    }

    /**
     * Changes a Powerpack; keys left out are not sent, `false` is sent as false. Keys: name,
     * sticky_sender, local_connect, application (Application::xml($id), ::phlo($id),
     * ::detach(), or the API's application_type / application_id), number_priority.
     *
     * @param array<string, mixed> $changes
     */
    public function updatePowerpack(string $uuid, array $changes): Powerpack
    {
        return Powerpack::fromArray(
            $this->call('update_powerpack', ['uuid' => $uuid, 'changes' => Changes::of($changes)]),
            $this
        );
    }

    public function listPowerpacks(int $limit = 20, int $offset = 0): PowerpackPage
    {
        return PowerpackPage::fromArray($this->call('list_powerpacks', ['limit' => $limit, 'offset' => $offset]), $this);
    }

    /** @return list<Powerpack> every Powerpack, all pages */
    public function listAllPowerpacks(): array
    {
        return array_map(fn (array $p) => Powerpack::fromArray($p, $this), $this->call('list_all_powerpacks', []));
    }

    /** Deletes a Powerpack; its numbers stay rented unless $unrentNumbers. */
    public function deletePowerpack(string $uuid, bool $unrentNumbers = false): DeletedResult
    {
        return DeletedResult::fromArray($this->call('delete_powerpack', ['uuid' => $uuid, 'unrent_numbers' => $unrentNumbers]));
    }

    /** The number pool with this uuid; each call checks it before any I/O. */
    public function numberPool(string $poolUuid): NumberPool
    {
        return new NumberPool($this, $poolUuid);
    }

    /** The number pool of this Powerpack. */
    public function numberPoolOf(Powerpack $powerpack): NumberPool
    {
        if ($powerpack->numberPoolUuid === null) {
            throw PowerpackException::validation('powerpack.number_pool', 'this Powerpack has no number pool path');
        }
        return new NumberPool($this, $powerpack->numberPoolUuid);
    }
}
