// Bad input is refused with PowerpackError.Validation before any request: the journal stays empty.
import Foundation
import XCTest
import PlivoPowerpack

final class ValidationTests: XCTestCase {
    func testInvalidCallsAreRefusedBeforeAnyRequest() throws {
        let client = try freshClient()
        let cases: [(field: String, call: () throws -> Any)] = [
            ("update", { try client.updatePowerpack(uuid: "uuid") }),
            ("uuid", { try client.updatePowerpack(uuid: "a/b", name: "x") }),
            ("uuid", { try client.updatePowerpack(uuid: "a b", name: "x") }),
            ("uuid", { try client.getPowerpack(uuid: "") }),
            ("name", { try client.updatePowerpack(uuid: "u", name: "   ") }),
            ("application.app_id", { try client.updatePowerpack(uuid: "u", application: .xml(appId: "none")) }),
            ("application.phlo_id", { try client.updatePowerpack(uuid: "u", application: .phlo(phloId: "123")) }),
            ("limit", { try client.listPowerpacks(limit: 0) }),
            ("limit", { try client.listPowerpacks(limit: 21) }),
            ("offset", { try client.listPowerpacks(offset: -1) }),
            ("name", { try client.createPowerpack(name: "") }),
            ("uuid", { try client.deletePowerpack(uuid: "../x") }),
        ]
        for (expected, call) in cases {
            let error = try expectError(call)
            guard case .Validation(let field, let reason) = error else {
                XCTFail("expected Validation(\(expected)), got \(error)")
                continue
            }
            XCTAssertEqual(field, expected)
            XCTAssertFalse(reason.isEmpty)
            XCTAssertTrue(error.isValidation)
            XCTAssertNil(error.httpStatus)
        }
        XCTAssertEqual(try Sandbox.shared.journal().count, 0)
    }

    func testAsyncCallsAreRefusedBeforeAnyRequestToo() async throws {
        let client = try freshClient()
        let error = try await expectError { try await client.updatePowerpack(uuid: "u") }
        XCTAssertTrue(error.isValidation, "\(error)")
        let limit = try await expectError { try await client.listPowerpacks(limit: 50) }
        guard case .Validation(let field, _) = limit else { return XCTFail("\(limit)") }
        XCTAssertEqual(field, "limit")
        XCTAssertEqual(try Sandbox.shared.journal().count, 0)
    }

    func testBadSettingsAreRefusedAtConstruction() throws {
        try Sandbox.shared.reset()
        let base = Sandbox.shared.baseUrl
        let cases: [(field: String, authId: String, token: String, config: ClientConfig?)] = [
            ("auth_id", "MA123", authToken, nil),
            ("auth_token", authId, "", nil),
            ("base_url", authId, authToken, ClientConfig(baseUrl: "http://example.com")),
            ("base_url", authId, authToken, ClientConfig(baseUrl: "not a url")),
            ("attempt_timeout", authId, authToken, ClientConfig(baseUrl: base, attemptTimeout: 0)),
            ("total_deadline", authId, authToken, ClientConfig(baseUrl: base, totalDeadline: 0)),
            ("retry.max_attempts", authId, authToken, ClientConfig(baseUrl: base, retry: RetryPolicy(maxAttempts: 0))),
        ]
        for (expected, id, token, config) in cases {
            let error = try expectError { try PowerpackClient(authId: id, authToken: token, config: config) }
            guard case .Validation(let field, _) = error else {
                XCTFail("expected Validation(\(expected)), got \(error)")
                continue
            }
            XCTAssertEqual(field, expected)
        }
        XCTAssertEqual(try Sandbox.shared.journal().count, 0)
    }
}
