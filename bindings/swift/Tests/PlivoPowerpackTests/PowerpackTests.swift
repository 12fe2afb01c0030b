import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import XCTest
@testable import PlivoPowerpack

let authId = "MASANDBOX00000000001"
let authToken = "sandbox-auth-token"

/// The sandbox binary on port 0 and its admin API.
final class Sandbox {
    static let shared = Sandbox()
    let process = Process()
    let baseUrl: String

    private init() {
        let bin = ProcessInfo.processInfo.environment["POWERPACK_SANDBOX_BIN"]!
        process.executableURL = URL(fileURLWithPath: bin)
        process.arguments = ["--port", "0", "--rate-limit", "off"]
        let pipe = Pipe()
        process.standardOutput = pipe
        try! process.run()
        var line = Data()
        while true {
            let byte = pipe.fileHandleForReading.readData(ofLength: 1)
            if byte.isEmpty || byte == Data("\n".utf8) { break }
            line.append(byte)
        }
        baseUrl = String(decoding: line, as: UTF8.self)
    }

    @discardableResult
    func admin(_ method: String, _ path: String, _ body: String? = nil) -> Data {
        var request = URLRequest(url: URL(string: "\(baseUrl)/__admin/\(path)")!)
        request.httpMethod = method
        request.httpBody = body.map { Data($0.utf8) }
        let done = DispatchSemaphore(value: 0)
        var result = Data()
        URLSession.shared.dataTask(with: request) { data, _, _ in
            result = data ?? Data()
            done.signal()
        }.resume()
        done.wait()
        return result
    }

    func reset() { admin("POST", "reset") }

    func journal() -> [[String: Any]] {
        (try? JSONSerialization.jsonObject(with: admin("GET", "journal"))) as? [[String: Any]] ?? []
    }

    func path(_ uuid: String) -> String { "/v1/Account/\(authId)/Powerpack/\(uuid)/" }
}

final class PowerpackTests: XCTestCase {
    var client: PowerpackClient!

    override func setUp() {
        Sandbox.shared.reset()
        client = try! PowerpackClient(
            authId: authId, authToken: authToken,
            config: ClientConfig(baseUrl: Sandbox.shared.baseUrl, userAgentSuffix: "swift"))
    }

    func testGetThenUpdateLikeTheSeed() async throws {
        let created = try await client.createPowerpackAsync(name: "before")
        let powerpack = try await client.getPowerpackAsync(uuid: created.uuid)
        let updated = try await client.updatePowerpackAsync(
            uuid: powerpack.uuid, name: "your_powerpack_name", stickySender: false, localConnect: false)
        XCTAssertEqual(updated.name, "your_powerpack_name")
        XCTAssertEqual(updated.stickySender, false)
        XCTAssertEqual(updated.localConnect, false)
        let last = Sandbox.shared.journal().last!
        XCTAssertEqual(last["method"] as? String, "POST")
        XCTAssertEqual(last["path"] as? String, Sandbox.shared.path(created.uuid))
        let body = try JSONSerialization.jsonObject(with: Data((last["body"] as! String).utf8)) as! [String: Any]
        XCTAssertEqual(body["name"] as? String, "your_powerpack_name")
        XCTAssertEqual(body["sticky_sender"] as? Bool, false)
        XCTAssertEqual(body.count, 3)
    }

    func testBlockingCallsListAndDelete() throws {
        for i in 0..<3 { _ = try client.createPowerpack(name: "pp-\(i)") }
        let all = try client.listAllPowerpacks()
        XCTAssertEqual(all.map(\.name), ["pp-0", "pp-1", "pp-2"])
        XCTAssertEqual(try client.deletePowerpack(uuid: all[0].uuid).response, "success")
        XCTAssertThrowsError(try client.getPowerpack(uuid: all[0].uuid)) { error in
            guard case PowerpackError.NotFound(let status, _, let reason, _) = error else {
                return XCTFail("\(error)")
            }
            XCTAssertEqual(status, 404)
            XCTAssertEqual(reason, "Powerpack not found")
        }
    }

    func testInvalidInputNeverReachesTheServer() {
        XCTAssertThrowsError(try client.updatePowerpack(uuid: "a/b", name: "x")) { error in
            guard case PowerpackError.Validation(let field, _) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(field, "uuid")
        }
        XCTAssertThrowsError(try client.updatePowerpack(uuid: "u"))
        XCTAssertEqual(Sandbox.shared.journal().count, 0)
    }

    func testServerErrorsAreRetried() async throws {
        let uuid = try await client.createPowerpackAsync(name: "pp").uuid
        Sandbox.shared.admin("POST", "faults",
            #"{"kind": "status", "status": 503, "retry_after_secs": 0, "method": "GET", "path": "\#(Sandbox.shared.path(uuid))", "count": 2}"#)
        _ = try await client.getPowerpackAsync(uuid: uuid)
        let statuses = Sandbox.shared.journal().filter { ($0["method"] as? String) == "GET" }.map { $0["status"] as? Int }
        XCTAssertEqual(statuses, [503, 503, 200])
    }
}
