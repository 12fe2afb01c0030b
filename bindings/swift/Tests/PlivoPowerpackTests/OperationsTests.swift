// Every operation, blocking and async, with the requests they send and what they decode.
import Foundation
import XCTest
import PlivoPowerpack

final class OperationsTests: XCTestCase {
    func testBlockingCreateListPagesAndDelete() throws {
        let client = try freshClient()
        for i in 0..<23 {
            _ = try client.createPowerpack(name: String(format: "pp-%02d", i), localConnect: false)
        }
        let page = try client.listPowerpacks(limit: 5, offset: 20)
        XCTAssertEqual(page.meta.limit, 5)
        XCTAssertEqual(page.meta.offset, 20)
        XCTAssertEqual(page.meta.totalCount, 23)
        XCTAssertEqual(page.powerpacks.map(\.name), ["pp-20", "pp-21", "pp-22"])
        let list = try XCTUnwrap(Sandbox.shared.journal().last)
        XCTAssertEqual(list.method, "GET")
        XCTAssertEqual(list.path, Sandbox.shared.path())
        XCTAssertEqual(list.query, "limit=5&offset=20")

        let everything = try client.listAllPowerpacks()
        XCTAssertEqual(everything.count, 23)
        XCTAssertEqual(everything.first?.localConnect, false)

        XCTAssertEqual(try client.deletePowerpack(uuid: everything[0].uuid).response, "success")
        _ = try client.deletePowerpack(uuid: everything[1].uuid, unrentNumbers: true)
        let deletes = try Sandbox.shared.journal().filter { $0.method == "DELETE" }
        XCTAssertEqual(deletes.map(\.path), [Sandbox.shared.path(everything[0].uuid), Sandbox.shared.path(everything[1].uuid)])
        XCTAssertEqual(try deletes.map { try $0.json() }, [["unrent_numbers": false], ["unrent_numbers": true]])

        let error = try expectError { try client.getPowerpack(uuid: everything[0].uuid) }
        guard case .NotFound(let status, _, let reason, _) = error else { return XCTFail("\(error)") }
        XCTAssertEqual(status, 404)
        XCTAssertEqual(reason, "Powerpack not found")
    }

    func testAsyncCallsMirrorTheBlockingOnes() async throws {
        let client = try freshClient()
        let created = try await client.createPowerpack(name: "async-pp", stickySender: false)
        XCTAssertEqual(created.stickySender, false)
        XCTAssertEqual(created.localConnect, true, "the API's default when not sent")
        let got = try await client.getPowerpack(uuid: created.uuid)
        XCTAssertEqual(got, created.withApiId(got.apiId))
        let updated = try await client.updatePowerpack(uuid: got.uuid, name: "renamed", localConnect: false)
        XCTAssertEqual(updated.name, "renamed")
        XCTAssertEqual(updated.localConnect, false)
        let page = try await client.listPowerpacks(limit: 1)
        XCTAssertEqual(page.meta.totalCount, 1)
        let all = try await client.listAllPowerpacks()
        XCTAssertEqual(all.map(\.uuid), [created.uuid])
        let deleted = try await client.deletePowerpack(uuid: created.uuid)
        XCTAssertEqual(deleted.response, "success")
        let error = try await expectError { try await client.getPowerpack(uuid: created.uuid) }
        XCTAssertEqual(error.httpStatus, 404)
        XCTAssertEqual(try Sandbox.shared.journal().map(\.method), ["POST", "GET", "POST", "GET", "GET", "DELETE", "GET"])
    }

    func testApplicationsAttachSwitchAndDetach() async throws {
        let client = try freshClient()
        let uuid = try await client.createPowerpack(name: "apps").uuid
        _ = try await client.updatePowerpack(uuid: uuid, application: .xml(appId: "20342783288007824"))
        let phlo = try await client.updatePowerpack(uuid: uuid, application: .phlo(phloId: "0166c910-1268-47c7-bf30-f5809ee843b9"))
        XCTAssertEqual(phlo.applicationType, "PHLO")
        let detached = try await client.updatePowerpack(uuid: uuid, application: .detach)
        XCTAssertNil(detached.applicationType)
        XCTAssertNil(detached.applicationId)
        let bodies = try Sandbox.shared.journal().filter { $0.path == Sandbox.shared.path(uuid) }.map { try $0.json() }
        XCTAssertEqual(bodies, [
            ["application_type": "xml", "application_id": "20342783288007824"],
            ["application_type": "phlo", "application_id": "0166c910-1268-47c7-bf30-f5809ee843b9"],
            ["application_id": "none"],
        ])
    }

    func testNumberPriorityRoundTrips() async throws {
        let client = try freshClient()
        let priority = NumberPriority(
            countryIso: "CA", serviceType: .mms,
            priority: Priority(priority1: .tollfree, priority2: .longcode, priority3: .shortcode))
        let uuid = try await client.createPowerpack(name: "priorities").uuid
        let updated = try await client.updatePowerpack(uuid: uuid, numberPriority: [priority])
        XCTAssertEqual(updated.numberPriority, [priority])
        let body = try XCTUnwrap(Sandbox.shared.journal().last).json()
        XCTAssertEqual(body, ["number_priority": [[
            "country_iso": "CA", "service_type": "MMS",
            "priority": ["priority1": "tollfree", "priority2": "longcode", "priority3": "shortcode"],
        ]]])
    }

    func testFromEnvReadsTheCredentialsAndTheBaseUrl() throws {
        try Sandbox.shared.reset()
        setenv("PLIVO_AUTH_ID", authId, 1)
        setenv("PLIVO_AUTH_TOKEN", authToken, 1)
        setenv("PLIVO_BASE_URL", Sandbox.shared.baseUrl, 1)
        defer { unsetenv("PLIVO_AUTH_ID"); unsetenv("PLIVO_AUTH_TOKEN"); unsetenv("PLIVO_BASE_URL") }
        let client = try PowerpackClient.fromEnv()
        XCTAssertEqual(client.authId(), authId)
        XCTAssertEqual(try client.listPowerpacks().meta.totalCount, 0)
        XCTAssertEqual(try Sandbox.shared.journal().map(\.path), [Sandbox.shared.path()], "PLIVO_BASE_URL was used")

        unsetenv("PLIVO_AUTH_TOKEN")
        let error = try expectError { try PowerpackClient.fromEnv() }
        guard case .Validation(let field, _) = error else { return XCTFail("\(error)") }
        XCTAssertEqual(field, "PLIVO_AUTH_TOKEN")
    }

    func testOneClientSharedByEightThreads() throws {
        let client = try freshClient()
        let uuid = try client.createPowerpack(name: "shared").uuid
        let failures = Counter()
        DispatchQueue.concurrentPerform(iterations: 8) { thread in
            for i in 0..<20 {
                do {
                    if try client.updatePowerpack(uuid: uuid, stickySender: (thread + i) % 2 == 0).uuid != uuid {
                        failures.add()
                    }
                } catch {
                    failures.add()
                }
            }
        }
        XCTAssertEqual(failures.value, 0)
        XCTAssertEqual(try Sandbox.shared.journal().filter { $0.status == 200 }.count, 161)
    }
}

/// A thread-safe count for work spread over threads.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    func add() { lock.lock(); count += 1; lock.unlock() }
    var value: Int { lock.lock(); defer { lock.unlock() }; return count }
}

extension Powerpack {
    /// The same Powerpack as another response would carry it (every response has its own api_id).
    func withApiId(_ apiId: String?) -> Powerpack {
        Powerpack(
            apiId: apiId, uuid: uuid, name: name, stickySender: stickySender, localConnect: localConnect,
            applicationType: applicationType, applicationId: applicationId, numberPool: numberPool,
            numberPoolUuid: numberPoolUuid, numberPriority: numberPriority, createdOn: createdOn)
    }
}
