// The seed's two flows, with the exact request each one sends.
import Foundation
import XCTest
import PlivoPowerpack

final class SeedFlowTests: XCTestCase {
    func testGetThenUpdateTheNameSendsOnlyTheName() async throws {
        let client = try freshClient()
        let created = try await client.createPowerpack(name: "powerpack_name_0")
        let powerpack = try await client.getPowerpack(uuid: created.uuid)
        let updated = try await client.updatePowerpack(uuid: powerpack.uuid, name: "powerpack_name")

        XCTAssertEqual(updated.uuid, created.uuid)
        XCTAssertEqual(updated.name, "powerpack_name")
        XCTAssertEqual(updated.stickySender, true, "unchanged: the API's default")
        XCTAssertEqual(updated.numberPoolUuid, created.numberPoolUuid)

        let entry = try XCTUnwrap(Sandbox.shared.journal().last)
        XCTAssertEqual(entry.method, "POST")
        XCTAssertEqual(entry.path, Sandbox.shared.path(created.uuid))
        XCTAssertNil(entry.query)
        XCTAssertEqual(entry.header("content-type"), "application/json")
        XCTAssertEqual(entry.header("authorization"), "Basic \(authId):***")
        let userAgent = try XCTUnwrap(entry.header("user-agent"))
        XCTAssertTrue(userAgent.range(of: #"^plivo-powerpack/[0-9][^ ]* \(Rust\)"#, options: .regularExpression) != nil, userAgent)
        XCTAssertTrue(userAgent.hasSuffix(" swift-tests"), userAgent)
        XCTAssertEqual(try entry.json(), ["name": "powerpack_name"])
    }

    func testUpdateByUuidSendsFalseAsFalseAndAnXmlApplication() async throws {
        let client = try freshClient()
        let uuid = try await client.createPowerpack(name: "before").uuid
        let updated = try await client.updatePowerpack(
            uuid: uuid, name: "your_powerpack_name", stickySender: false, localConnect: false,
            application: .xml(appId: "20342783288007824"))

        XCTAssertEqual(updated.name, "your_powerpack_name")
        XCTAssertEqual(updated.stickySender, false)
        XCTAssertEqual(updated.localConnect, false)
        XCTAssertEqual(updated.applicationType, "XML")
        XCTAssertEqual(updated.applicationId, "20342783288007824")
        let entry = try XCTUnwrap(Sandbox.shared.journal().last)
        XCTAssertEqual(entry.method, "POST")
        XCTAssertEqual(entry.path, Sandbox.shared.path(uuid))
        XCTAssertEqual(try entry.json(), [
            "name": "your_powerpack_name", "sticky_sender": false, "local_connect": false,
            "application_type": "xml", "application_id": "20342783288007824",
        ])
        // `false` must be a JSON boolean, not the string "False" some official SDKs send.
        XCTAssertTrue(entry.body.contains(#""sticky_sender":false"#), entry.body)
    }

    func testCreatedOnIsAFoundationDate() async throws {
        let client = try freshClient()
        let before = Date()
        let created = try await client.createPowerpack(name: "dated")
        let createdOn = try XCTUnwrap(created.createdOn)
        XCTAssertEqual(createdOn.timeIntervalSince1970, before.timeIntervalSince1970, accuracy: 60)
        let fetched = try await client.getPowerpack(uuid: created.uuid)
        XCTAssertEqual(fetched.createdOn, createdOn)
    }
}
