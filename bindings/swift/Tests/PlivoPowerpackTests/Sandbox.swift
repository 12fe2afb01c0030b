// The sandbox that build.sh started for this suite (POWERPACK_SANDBOX_URL), and its admin API:
// reset, scripted faults, and the journal of every request it received.
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import XCTest
import PlivoPowerpack

let authId = "MASANDBOX00000000001"
let authToken = "sandbox-auth-token"

/// One request as the sandbox recorded it. The Authorization header arrives as
/// `Basic <auth_id>:***`: the sandbox never records credentials.
struct JournalEntry: Decodable {
    let seq: Int
    let atMs: Double
    let method: String
    let path: String
    let query: String?
    let headers: [[String]]
    let body: String
    let status: Int?
    let fault: String?

    enum CodingKeys: String, CodingKey {
        case seq, method, path, query, headers, body, status, fault
        case atMs = "at_ms"
    }

    func header(_ name: String) -> String? {
        headers.first { $0.first == name }?.last
    }

    /// The JSON body as a dictionary; fails the test when it is not a JSON object.
    func json(file: StaticString = #filePath, line: UInt = #line) throws -> NSDictionary {
        let object = try JSONSerialization.jsonObject(with: Data(body.utf8))
        return try XCTUnwrap(object as? NSDictionary, "not a JSON object: \(body)", file: file, line: line)
    }
}

/// A fault for the next `count` requests matching `method` and `path` (see sandbox/src/faults.rs).
struct Fault: Encodable {
    let kind: String
    var method: String?
    var path: String?
    var count = 1
    var status: Int?
    var retryAfterSecs: Int?
    var ms: Int?
    /// The error text of a `status` fault (Plivo's `error` field).
    var message: String?

    enum CodingKeys: String, CodingKey {
        case kind, method, path, count, status, ms, message
        case retryAfterSecs = "retry_after_secs"
    }
}

final class Sandbox: Sendable {
    static let shared = Sandbox()
    let baseUrl: String

    private init() {
        guard let url = ProcessInfo.processInfo.environment["POWERPACK_SANDBOX_URL"] else {
            fatalError("POWERPACK_SANDBOX_URL is not set: run the suite with bindings/swift/build.sh test")
        }
        baseUrl = url
    }

    func path(_ uuid: String? = nil) -> String {
        "/v1/Account/\(authId)/Powerpack/" + (uuid.map { "\($0)/" } ?? "")
    }

    func reset() throws { _ = try admin("POST", "reset") }

    func inject(_ fault: Fault) throws {
        _ = try admin("POST", "faults", body: try JSONEncoder().encode(fault))
    }

    /// Queues a fault given as a JSON object (the conformance vectors' scripted answers).
    func queue(_ rule: [String: Any]) throws {
        _ = try admin("POST", "faults", body: try JSONSerialization.data(withJSONObject: rule))
    }

    /// Adds numbers, shortcodes or Powerpacks (a seed document's JSON) until the next reset.
    func seed(_ document: String) throws { _ = try admin("POST", "seed", body: Data(document.utf8)) }

    func clearJournal() throws { _ = try admin("DELETE", "journal") }

    func journal() throws -> [JournalEntry] {
        try JSONDecoder().decode([JournalEntry].self, from: admin("GET", "journal"))
    }

    /// A blocking admin request: the tests' own HTTP, independent of the client under test.
    private func admin(_ method: String, _ path: String, body: Data? = nil) throws -> Data {
        var request = URLRequest(url: URL(string: "\(baseUrl)/__admin/\(path)")!, timeoutInterval: 10)
        request.httpMethod = method
        request.httpBody = body
        if body != nil { request.setValue("application/json", forHTTPHeaderField: "Content-Type") }
        let outcome = Outcome()
        URLSession.shared.dataTask(with: request) { data, response, error in
            outcome.finish(data: data, status: (response as? HTTPURLResponse)?.statusCode, error: error)
        }.resume()
        return try outcome.wait(for: "\(method) /__admin/\(path)")
    }
}

/// Hands a URLSession completion to the waiting test thread.
private final class Outcome: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var data: Data?
    private var status: Int?
    private var error: Error?

    func finish(data: Data?, status: Int?, error: Error?) {
        (self.data, self.status, self.error) = (data, status, error)
        done.signal()
    }

    func wait(for what: String) throws -> Data {
        done.wait()  // the semaphore orders the writes above before these reads
        if let error { throw error }
        guard let status, (200..<300).contains(status) else {
            throw NSError(domain: "Sandbox", code: status ?? -1,
                          userInfo: [NSLocalizedDescriptionKey: "\(what) answered \(status ?? -1)"])
        }
        return data ?? Data()
    }
}

/// Quick retries and short timeouts, so fault tests take milliseconds.
/// Durations are `TimeInterval` seconds, as everywhere in Foundation.
func fastConfig(
    attemptTimeout: TimeInterval = 5, totalDeadline: TimeInterval = 60,
    retry: RetryPolicy = RetryPolicy(maxAttempts: 3, baseDelay: 0.010, maxDelay: 0.050)
) -> ClientConfig {
    ClientConfig(
        baseUrl: Sandbox.shared.baseUrl, attemptTimeout: attemptTimeout, totalDeadline: totalDeadline,
        retry: retry, userAgentSuffix: "swift-tests")
}

/// A client of the sandbox with `config`, after a reset: every test starts with an empty sandbox.
func freshClient(_ config: ClientConfig = fastConfig()) throws -> PowerpackClient {
    try Sandbox.shared.reset()
    return try PowerpackClient(authId: authId, authToken: authToken, config: config)
}

/// Thrown (after an XCTFail) when a call expected to fail returned normally.
struct NoErrorThrown: Error {}

/// The error `body` throws, failing the test when it returns normally or throws something else.
func expectError<T>(
    _ body: () throws -> T, file: StaticString = #filePath, line: UInt = #line
) throws -> PowerpackError {
    do {
        let value = try body()
        XCTFail("expected a PowerpackError, got \(value)", file: file, line: line)
    } catch let error as PowerpackError {
        return error
    }
    throw NoErrorThrown()
}

/// The async form of `expectError`.
func expectError<T>(
    _ body: () async throws -> T, file: StaticString = #filePath, line: UInt = #line
) async throws -> PowerpackError {
    do {
        let value = try await body()
        XCTFail("expected a PowerpackError, got \(value)", file: file, line: line)
    } catch let error as PowerpackError {
        return error
    }
    throw NoErrorThrown()
}
