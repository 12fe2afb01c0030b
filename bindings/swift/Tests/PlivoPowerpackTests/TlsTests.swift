// HTTPS end to end against the sandbox serving TLS (build.sh starts it with a CA made at start):
// an untrusted certificate fails at once with `PowerpackError.Tls`; the CA added in
// `ClientConfig.rootCertificatesPem` makes the call succeed; a certificate for another name fails.
import Foundation
import XCTest
import PlivoPowerpack

final class TlsTests: XCTestCase {
    private func env(_ name: String) throws -> String {
        try XCTUnwrap(ProcessInfo.processInfo.environment[name], "\(name) is set by build.sh")
    }

    private func client(url: String, ca: String? = nil, store: TrustStore? = nil) throws -> PowerpackClient {
        try PowerpackClient(authId: authId, authToken: authToken, config: ClientConfig(
            baseUrl: url, retry: RetryPolicy(maxAttempts: 3, baseDelay: 10, maxDelay: 10),
            rootCertificatesPem: ca.map { [$0] } ?? [], trustStore: store))
    }

    func testWithTheSandboxCaTheCallSucceedsOverHttps() async throws {
        let url = try env("POWERPACK_TLS_SANDBOX_URL")
        XCTAssertTrue(url.hasPrefix("https://127.0.0.1:"), url)
        let ca = try String(contentsOfFile: env("POWERPACK_TLS_CA_FILE"), encoding: .utf8)
        let client = try client(url: url, ca: ca)
        let created = try await client.createPowerpack(name: "swift over tls \(UUID())")
        let got = try await client.getPowerpack(uuid: created.uuid)
        XCTAssertEqual(got.name, created.name)
    }

    func testAnUnknownIssuerFailsAtOnceWithATlsError() async throws {
        let url = try env("POWERPACK_TLS_SANDBOX_URL")
        for store in [TrustStore.bundled, TrustStore.system] {
            let client = try client(url: url, store: store)
            let started = Date()
            let error = try await expectError { try await client.getPowerpack(uuid: "u") }
            // Wall time is the point: a retry would have waited 10 s first.
            XCTAssertLessThan(Date().timeIntervalSince(started), 5, "not retried (\(store))")
            guard case .Tls(let reason) = error else { return XCTFail("\(error)") }
            XCTAssertTrue(reason.contains("UnknownIssuer"), reason)
            XCTAssertNil(error.httpStatus)
        }
    }

    func testACertificateForAnotherNameFails() async throws {
        let ca = try String(contentsOfFile: env("POWERPACK_OTHER_NAME_CA_FILE"), encoding: .utf8)
        let client = try client(url: env("POWERPACK_OTHER_NAME_URL"), ca: ca)
        let error = try await expectError { try await client.getPowerpack(uuid: "u") }
        guard case .Tls(let reason) = error else { return XCTFail("\(error)") }
        XCTAssertTrue(reason.contains("not valid for name"), reason)
    }

    func testARootCertificateThatIsNotPemIsRefusedWhenBuilding() throws {
        let error = try expectError { try self.client(url: "https://127.0.0.1:1", ca: "not a certificate") }
        guard case .Validation(let field, _) = error else { return XCTFail("\(error)") }
        XCTAssertEqual(field, "root_certificates_pem[0]")
    }
}
