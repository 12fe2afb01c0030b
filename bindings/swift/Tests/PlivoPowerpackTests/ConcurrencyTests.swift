// Structured concurrency on one client, and what task cancellation does (and does not) do.
import Foundation
import XCTest
import PlivoPowerpack

final class ConcurrencyTests: XCTestCase {
    func testAHundredConcurrentTasksOnOneClient() async throws {
        let client = try freshClient()
        var uuids: [String] = []
        for i in 0..<10 { uuids.append(try await client.createPowerpack(name: "c\(i)").uuid) }
        let targets = uuids

        let results = try await withThrowingTaskGroup(of: (Int, Powerpack).self) { group in
            for i in 0..<100 {
                group.addTask {
                    (i, try await client.updatePowerpack(uuid: targets[i % 10], name: "n\(i)", stickySender: i % 2 == 0))
                }
            }
            var results: [Int: Powerpack] = [:]
            for try await (i, powerpack) in group { results[i] = powerpack }
            return results
        }

        XCTAssertEqual(results.count, 100)
        for (i, powerpack) in results {
            XCTAssertEqual(powerpack.name, "n\(i)")
            XCTAssertEqual(powerpack.uuid, targets[i % 10])
            XCTAssertEqual(powerpack.stickySender, i % 2 == 0)
        }
        let updates = try Sandbox.shared.journal().filter { $0.method == "POST" && $0.status == 200 }
        XCTAssertEqual(updates.count, 110)
    }

    /// UniFFI 0.32 does not pass Swift task cancellation to Rust (uniffi-rs #2771): the call
    /// goes on after `cancel()`. The client's total deadline is what bounds it. Should UniFFI
    /// start propagating cancellation, this test fails with a CancellationError: then the
    /// README's note on cancellation is to be rewritten.
    func testACancelledTaskIsStillBoundedByTheTotalDeadline() async throws {
        let client = try freshClient(fastConfig(attemptTimeout: 5, totalDeadline: 0.8))
        try Sandbox.shared.inject(Fault(kind: "hang", method: "GET", path: Sandbox.shared.path("u"), count: 10, ms: 10000))

        let started = Date()
        let task = Task { try await client.getPowerpack(uuid: "u") }
        try await Task.sleep(nanoseconds: 100_000_000)
        task.cancel()
        let result = await task.result
        let elapsed = Date().timeIntervalSince(started)

        guard case .failure(let error) = result else { return XCTFail("a hanging call cannot succeed: \(result)") }
        let powerpackError = try XCTUnwrap(error as? PowerpackError, "\(error)")
        XCTAssertTrue(powerpackError.isTimeout, "\(powerpackError)")
        XCTAssertGreaterThanOrEqual(elapsed, 0.75, "cancel() did not stop the Rust call; the deadline did")
        XCTAssertLessThan(elapsed, 3, "the 800 ms deadline bounds a cancelled call")
        XCTAssertEqual(try Sandbox.shared.journal().count, 1, "one attempt, cut by the deadline")
    }
}
