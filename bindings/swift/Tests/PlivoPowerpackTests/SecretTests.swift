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

        // A refused token: the server's error, as text in every form Swift offers.
        let refused = try await expectError { try await client.getPowerpack(uuid: "x") }
        XCTAssertEqual(refused.httpStatus, 401)
        // A token refused locally (a line break cannot be a header value).
        let local = try expectError {
            try PowerpackClient(authId: authId, authToken: secret + "\n", config: fastConfig())
        }
        XCTAssertTrue(local.isValidation, "\(local)")
        for error in [refused, local] {
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
