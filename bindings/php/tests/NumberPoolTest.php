<?php

declare(strict_types=1);

namespace PlivoPowerpack\Tests;

use PHPUnit\Framework\TestCase;
use PlivoPowerpack\Exception\NotFoundException;
use PlivoPowerpack\Exception\ValidationException;
use PlivoPowerpack\Model\Powerpack;
use PlivoPowerpack\PowerpackClient;

final class NumberPoolTest extends TestCase
{
    public function testTheWholePoolWithExactRequests(): void
    {
        Sandbox::reset();
        $client = new PowerpackClient(Sandbox::AUTH_ID, Sandbox::TOKEN, ['base_url' => Sandbox::$url]);
        $powerpack = $client->createPowerpack(['name' => 'pool']);
        $pool = $powerpack->numberPool();
        $this->assertSame($powerpack->numberPoolUuid, $pool->uuid);
        Sandbox::admin('DELETE', 'journal');

        $added = $pool->addNumber('14155550100', 'sms');
        $this->assertSame(['14155550100', $pool->uuid], [$added->number, $added->numberPoolUuid]);
        $this->assertInstanceOf(\DateTimeImmutable::class, $added->addedOn);
        $pool->addNumber('447700900123');
        $page = $pool->listNumbers(['country_iso2' => 'US', 'starts_with' => ['1415']], 5);
        $this->assertCount(1, $page->items);
        $this->assertSame('US', $page->items[0]->countryIso2);
        $this->assertCount(2, $pool->listAllNumbers());
        $pool->getNumber('14155550100');
        $pool->addTollfree('18005550100');
        $this->assertCount(1, $pool->listAllTollfree());
        $this->assertSame('success', $pool->removeNumber('14155550100')->response);
        $this->assertSame([], $pool->listAllShortcodes());

        $prefix = '/v1/Account/' . Sandbox::AUTH_ID . '/NumberPool/' . $pool->uuid;
        $expected = [
            ['POST', '/Number/14155550100/', null, '{"rent":false,"service":"sms"}'],
            ['POST', '/Number/447700900123/', null, '{"rent":false}'],
            ['GET', '/Number/', 'starts_with=1415&country_iso2=US&limit=5&offset=0', ''],
            ['GET', '/Number/', 'limit=20&offset=0', ''],
            ['GET', '/Number/14155550100/', null, ''],
            ['POST', '/Tollfree/18005550100/', null, ''],
            ['GET', '/Tollfree/', 'limit=20&offset=0', ''],
            ['DELETE', '/Number/14155550100/', null, '{"unrent":false}'],
        ];
        $journal = Sandbox::journal();
        foreach ($expected as $i => [$method, $suffix, $query, $body]) {
            $e = $journal[$i];
            $this->assertSame([$method, $prefix . $suffix, $query, $body], [$e['method'], $e['path'], $e['query'], $e['body']], "request {$i}");
        }

        $this->expectException(NotFoundException::class);
        $pool->getNumber('14155550100');
    }

    public function testAPowerpackWithoutAPoolIsRefused(): void
    {
        $client = new PowerpackClient(Sandbox::AUTH_ID, Sandbox::TOKEN, ['base_url' => Sandbox::$url]);
        $bare = Powerpack::fromArray(['uuid' => 'u', 'name' => 'n'], $client);
        $this->expectException(ValidationException::class);
        $bare->numberPool();
    }
}
