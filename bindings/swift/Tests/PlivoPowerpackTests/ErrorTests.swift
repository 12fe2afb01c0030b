// Each error from a sandbox fault, matched with `catch` as Swift code would, with its fields.
import Foundation
import XCTest
import PlivoPowerpack

final class ErrorTests: XCTestCase {
    func testApiErrorsCarryStatusApiIdAndReason() async throws {
        let client = try freshClient()
        _ = try await client.createPowerpack(name: "taken")
        let other = try await client.createPowerpack(name: "other").uuid

        do {
            _ = try await client.updatePowerpack(uuid: other, name: "taken")
            XCTFail("a duplicate name must be refused")
        } catch PowerpackError.InvalidRequest(let status, let apiId, let reason, _) {
            XCTAssertEqual(status, 400)
            XCTAssertNotNil(apiId)
            XCTAssertEqual(reason, #"a Powerpack named "taken" already exists"#)
        }

        let wrong = try PowerpackClient(authId: authId, authToken: "wrong-token", config: fastConfig())
        do {
            _ = try await wrong.getPowerpack(uuid: other)
            XCTFail("a wrong token must be refused")
        } catch PowerpackError.Authentication(let status, let apiId, _, _) {
            XCTAssertEqual(status, 401)
            XCTAssertNil(apiId)
        }

        try Sandbox.shared.inject(Fault(kind: "status", method: "GET", path: Sandbox.shared.path(other), status: 403))
        do {
            _ = try await client.getPowerpack(uuid: other)
            XCTFail("403 must throw")
        } catch PowerpackError.Forbidden(let status, _, _, _) {
            XCTAssertEqual(status, 403)
        }

        do {
            _ = try await client.getPowerpack(uuid: "no-such-powerpack")
            XCTFail("404 must throw")
        } catch let error as PowerpackError where error.httpStatus == 404 {
            XCTAssertEqual(error.reason, "Powerpack not found")
            XCTAssertNotNil(error.apiId)
        }
    }

    func testRateLimitWithRetryAfterIsWaitedForThenSucceeds() async throws {
        let client = try freshClient()
        let uuid = try await client.createPowerpack(name: "pp").uuid
        try Sandbox.shared.inject(Fault(
            kind: "status", method: "GET", path: Sandbox.shared.path(uuid), status: 429, retryAfterSecs: 1))
        let got = try await client.getPowerpack(uuid: uuid)
        XCTAssertEqual(got.uuid, uuid)
        let gets = try Sandbox.shared.journal().filter { $0.method == "GET" }
        XCTAssertEqual(gets.map(\.status), [429, 200])
        XCTAssertGreaterThanOrEqual(gets[1].atMs - gets[0].atMs, 950, "Retry-After: 1 must be honoured")
    }

    func testRateLimitOnEveryAttemptSurfacesAsRateLimited() throws {
        let client = try freshClient()
        try Sandbox.shared.inject(Fault(
            kind: "status", method: "GET", path: Sandbox.shared.path("u"), count: 3, status: 429, retryAfterSecs: 0))
        let error = try expectError { try client.getPowerpack(uuid: "u") }
        guard case .RateLimited(let status, _, _, _, let retryAfter) = error else { return XCTFail("\(error)") }
        XCTAssertEqual(status, 429)
        XCTAssertEqual(retryAfter, 0)
        XCTAssertEqual(try Sandbox.shared.journal().count, 3, "three attempts in all")
    }

    func testServerErrorsAreRetriedWithTheSameBody() async throws {
        let client = try freshClient()
        let uuid = try await client.createPowerpack(name: "pp").uuid
        try Sandbox.shared.inject(Fault(
            kind: "status", method: "POST", path: Sandbox.shared.path(uuid), count: 2, status: 503))
        let updated = try await client.updatePowerpack(uuid: uuid, stickySender: false)
        XCTAssertEqual(updated.stickySender, false)
        let updates = try Sandbox.shared.journal().filter { $0.path == Sandbox.shared.path(uuid) }
        XCTAssertEqual(updates.map(\.status), [503, 503, 200])
        XCTAssertEqual(Set(updates.map(\.body)), [#"{"sticky_sender":false}"#])
    }

    func testA503OnEveryAttemptSurfacesAsServerAfterThreeAttempts() throws {
        let client = try freshClient()
        try Sandbox.shared.inject(Fault(
            kind: "status", method: "GET", path: Sandbox.shared.path("u"), count: 3, status: 503))
        let error = try expectError { try client.getPowerpack(uuid: "u") }
        guard case .Server(let status, _, _, _) = error else { return XCTFail("\(error)") }
        XCTAssertEqual(status, 503)
        XCTAssertEqual(try Sandbox.shared.journal().map(\.status), [503, 503, 503])
    }

    func testA500IsNotRetried() throws {
        let client = try freshClient()
        try Sandbox.shared.inject(Fault(
            kind: "status", method: "GET", path: Sandbox.shared.path("u"), count: 3, status: 500))
        let error = try expectError { try client.getPowerpack(uuid: "u") }
        XCTAssertEqual(error.httpStatus, 500)
        XCTAssertEqual(try Sandbox.shared.journal().map(\.status), [500], "500 is not transient: no retry")
    }

    func testAnHtml502IsAServerErrorWithTheBodyExcerpt() throws {
        let client = try freshClient(fastConfig(retry: RetryPolicy(maxAttempts: 1)))
        try Sandbox.shared.inject(Fault(kind: "html502", method: "GET", path: Sandbox.shared.path("u")))
        let error = try expectError { try client.getPowerpack(uuid: "u") }
        guard case .Server(let status, let apiId, _, let excerpt) = error else { return XCTFail("\(error)") }
        XCTAssertEqual(status, 502)
        XCTAssertNil(apiId)
        XCTAssertTrue(excerpt.contains("502 Bad Gateway"), excerpt)
    }

    func testMalformedJsonIsADecodeError() throws {
        let client = try freshClient()
        try Sandbox.shared.inject(Fault(kind: "malformed_json", method: "GET", path: Sandbox.shared.path("u")))
        let error = try expectError { try client.getPowerpack(uuid: "u") }
        guard case .Decode(let path, let reason, _) = error else { return XCTFail("\(error)") }
        XCTAssertEqual(path, ".")
        XCTAssertFalse(reason.isEmpty)
        XCTAssertEqual(try Sandbox.shared.journal().count, 1, "a 200 that cannot be decoded is not retried")
    }

    func testAResetConnectionIsANetworkError() throws {
        let client = try freshClient(fastConfig(retry: RetryPolicy(maxAttempts: 1)))
        try Sandbox.shared.inject(Fault(kind: "reset", method: "GET", path: Sandbox.shared.path("u")))
        let error = try expectError { try client.getPowerpack(uuid: "u") }
        guard case .Network = error else { return XCTFail("\(error)") }
    }

    func testABodyCutShortIsANetworkErrorAndAnEmptyErrorBodyKeepsItsStatus() throws {
        let client = try freshClient(fastConfig(retry: RetryPolicy(maxAttempts: 1)))
        try Sandbox.shared.inject(Fault(kind: "truncated_body", method: "GET", path: Sandbox.shared.path("u")))
        let cut = try expectError { try client.getPowerpack(uuid: "u") }
        guard case .Network(let reason) = cut else { return XCTFail("\(cut)") }
        XCTAssertTrue(reason.contains("cut short"), reason)

        try Sandbox.shared.inject(Fault(kind: "empty_body", method: "GET", path: Sandbox.shared.path("u"), status: 404))
        let empty = try expectError { try client.getPowerpack(uuid: "u") }
        guard case .NotFound(let status, let apiId, _, let excerpt) = empty else { return XCTFail("\(empty)") }
        XCTAssertEqual(status, 404)
        XCTAssertNil(apiId)
        XCTAssertEqual(excerpt, "")
    }

    func testAHangTimesOutWithinTheDeadline() async throws {
        let client = try freshClient(fastConfig(attemptTimeout: 0.2, totalDeadline: 0.5))
        try Sandbox.shared.inject(Fault(kind: "hang", method: "GET", path: Sandbox.shared.path("u"), count: 10, ms: 5000))
        let started = Date()
        let error = try await expectError { try await client.getPowerpack(uuid: "u") }
        let elapsed = Date().timeIntervalSince(started)
        XCTAssertTrue(error.isTimeout, "\(error)")
        XCTAssertGreaterThanOrEqual(elapsed, 0.2)
        XCTAssertLessThan(elapsed, 2, "the 500 ms deadline bounds the call")
    }
}
