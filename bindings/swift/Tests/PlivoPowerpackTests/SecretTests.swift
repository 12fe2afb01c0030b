// The auth token appears in no description, debugDescription or error text.
import Foundation
import XCTest
import PlivoPowerpack

final class SecretTests: XCTestCase {
    func testTheTokenIsInNoDescriptionOrError() async throws {
        try Sandbox.shared.reset()
        let secret = "tok-very-secret-123"
        let client = try PowerpackClient(authId: authId, authToken: secret, config: fastConfig())
        var texts = [String(describing: client), String(reflecting: client), client.debugDescription]
        XCTAssertTrue(client.debugDescription.contains(authId), client.debugDescription)
        XCTAssertTrue(client.debugDescription.contains("***"), client.debugDescription)

        // A server (or proxy) that echoes the token in its error: the client masks it.
        try Sandbox.shared.inject(Fault(
            kind: "status", method: "GET", path: Sandbox.shared.path("x"), status: 400,
            message: "credentials \(authId):\(secret) are not valid here"))
        let echoed = try await expectError { try await client.getPowerpack(uuid: "x") }
        XCTAssertEqual(echoed.httpStatus, 400)
        XCTAssertEqual(echoed.reason, "credentials \(authId):*** are not valid here")
        // A refused token: the server's 401, as text in every form Swift offers.
        let refused = try await expectError { try await client.getPowerpack(uuid: "x") }
        XCTAssertEqual(refused.httpStatus, 401)
        // A token refused locally (a line break cannot be a header value).
        let local = try expectError {
            try PowerpackClient(authId: authId, authToken: secret + "\n", config: fastConfig())
        }
        XCTAssertTrue(local.isValidation, "\(local)")
        for error in [echoed, refused, local] {
            texts += [
                String(describing: error), String(reflecting: error), error.localizedDescription,
                error.errorDescription ?? "", error.reason,
            ]
        }
        for text in texts {
            XCTAssertFalse(text.contains(secret), text)
            XCTAssertFalse(text.contains("tok-very"), text)
        }
    }
}
