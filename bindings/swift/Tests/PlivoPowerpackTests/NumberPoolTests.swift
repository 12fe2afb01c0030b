// The number pool from Swift, against the sandbox: exact requests, `rent` always sent, `unrent`
// false by default, validation before I/O, error cases, async and blocking forms.
import Foundation
import XCTest
import PlivoPowerpack

final class NumberPoolTests: XCTestCase {
    private var client: PowerpackClient!
    private var owner: Powerpack!
    private var pool: NumberPool!

    override func setUpWithError() throws {
        client = try freshClient()
        owner = try client.createPowerpack(name: "pool owner")
        try Sandbox.shared.seed("""
            {"numbers": [
              {"number": "14155550100", "country_iso2": "US", "type": "fixed"},
              {"number": "14155550101", "country_iso2": "US", "type": "mobile"},
              {"number": "447700900123", "country_iso2": "GB", "type": "mobile"},
              {"number": "18005550100", "country_iso2": "US", "type": "tollfree"}]}
            """)
        pool = try client.numberPool(of: owner)
        try Sandbox.shared.clearJournal()
    }

    private func poolPath(_ rest: String) -> String {
        "/v1/Account/\(authId)/NumberPool/\(pool.uuid())/\(rest)"
    }

    func testAPoolIsNamedByItsPowerpackOrByItsUuid() throws {
        XCTAssertEqual(pool.uuid(), owner.numberPoolUuid)
        XCTAssertEqual(try client.numberPool(poolUuid: XCTUnwrap(owner.numberPoolUuid)).uuid(), pool.uuid())
        XCTAssertFalse(pool.debugDescription.contains(authToken))
        XCTAssertTrue(pool.debugDescription.contains("***"))
    }

    func testAddNumberSendsRentFalseAndDecodesTheNumber() async throws {
        let added = try await pool.addNumber(number: "14155550100")
        let entries = try Sandbox.shared.journal()
        XCTAssertEqual(entries.count, 1)
        let entry = try XCTUnwrap(entries.first)
        XCTAssertEqual(entry.method, "POST")
        XCTAssertEqual(entry.path, poolPath("Number/14155550100/"))
        XCTAssertEqual(entry.header("content-type"), "application/json")
        XCTAssertEqual(try entry.json(), ["rent": false])
        XCTAssertEqual(added.number, "14155550100")
        XCTAssertEqual(added.numberType, "fixed")
        XCTAssertEqual(added.countryIso2, "US")
        XCTAssertEqual(added.service, "sms")
        XCTAssertEqual(added.numberPoolUuid, pool.uuid())
        let addedOn = try XCTUnwrap(added.addedOn)
        XCTAssertLessThan(abs(addedOn.timeIntervalSinceNow), 60)
        let found = try await pool.getNumber(number: "14155550100")
        XCTAssertEqual(found.addedOn, added.addedOn)
    }

    func testBuyAndAddSendsRentTrueAndRemovalKeepsTheRentalUnlessUnrent() async throws {
        let bought = try await pool.buyAndAddNumber(number: "14155559999", service: .mms)
        XCTAssertEqual(bought.service, "mms")
        _ = try await pool.addNumber(number: "14155550100")
        let kept = try await pool.removeNumber(number: "14155550100")
        XCTAssertEqual(kept.response, "success")
        _ = try await pool.removeNumber(number: "14155559999", unrent: true)
        let writes = try Sandbox.shared.journal().filter { $0.method != "GET" }
        XCTAssertEqual(try writes.map { try $0.json() },
                       [["rent": true, "service": "mms"], ["rent": false], ["unrent": false], ["unrent": true]])
        XCTAssertEqual(writes.map(\.path).last, poolPath("Number/14155559999/"))
        _ = try await pool.addNumber(number: "14155550100")  // still rented
        let error = try await expectError { try await pool.addNumber(number: "14155559999") }
        XCTAssertEqual(error.httpStatus, 404, "released by unrent")
    }

    func testListNumbersSendsEveryFilterAndListAllWalksThePages() async throws {
        for n in ["14155550100", "14155550101", "447700900123"] { _ = try await pool.addNumber(number: n) }
        try Sandbox.shared.clearJournal()
        let filter = NumberFilter(startsWith: ["1415", "1650"], countryIso2: "US", numberType: .mobile, service: .sms)
        let page = try await pool.listNumbers(filter: filter, limit: 5)
        let entry = try XCTUnwrap(Sandbox.shared.journal().first)
        XCTAssertEqual(entry.path, poolPath("Number/"))
        XCTAssertEqual(entry.query, "starts_with=1415,1650&country_iso2=US&type=mobile&service=sms&limit=5&offset=0")
        XCTAssertEqual(page.numbers.map(\.number), ["14155550101"])
        XCTAssertEqual(page.meta.totalCount, 1)

        let seeded = (0..<21).map { #"{"number": "1650555\#(String(format: "%04d", $0))", "country_iso2": "US", "powerpack": "\#(owner.uuid)"}"# }
        try Sandbox.shared.seed(#"{"numbers": [\#(seeded.joined(separator: ","))]}"#)
        try Sandbox.shared.clearJournal()
        let all = try await pool.listAllNumbers()
        XCTAssertEqual(all.count, 24)
        XCTAssertEqual(try Sandbox.shared.journal().map(\.query), ["limit=20&offset=0", "limit=20&offset=20"])
    }

    func testShortcodesAndTollfreeNumbersBlocking() throws {
        try Sandbox.shared.seed(#"{"shortcodes": [{"shortcode": "444444", "country_iso2": "US", "powerpack": "\#(owner.uuid)"}]}"#)
        XCTAssertEqual(try pool.listShortcodes().shortcodes.map(\.shortcode), ["444444"])
        XCTAssertEqual(try pool.getShortcode(shortcode: "444444").countryIso2, "US")
        XCTAssertEqual(try pool.removeShortcode(shortcode: "444444").response, "success")
        XCTAssertEqual(try pool.listAllShortcodes(), [])

        XCTAssertEqual(try pool.addTollfree(number: "18005550100").numberType, "tollfree")
        XCTAssertEqual(try pool.listTollfree().numbers.map(\.number), ["18005550100"])
        XCTAssertEqual(try pool.getTollfree(number: "18005550100").number, "18005550100")
        _ = try pool.removeTollfree(number: "18005550100")
        XCTAssertEqual(try pool.listAllTollfree(), [])
        let journal = try Sandbox.shared.journal()
        let shortcodeRemoval = try XCTUnwrap(journal.first { $0.method == "DELETE" })
        XCTAssertEqual(shortcodeRemoval.path, poolPath("Shortcode/444444/"))
        XCTAssertEqual(shortcodeRemoval.body, "")
        let tollfreeRemoval = try XCTUnwrap(journal.last { $0.method == "DELETE" })
        XCTAssertEqual(tollfreeRemoval.path, poolPath("Tollfree/18005550100/"))
        XCTAssertEqual(try tollfreeRemoval.json(), ["unrent": false])
    }

    func testInvalidInputIsRefusedBeforeAnyRequest() async throws {
        let cases: [(String, () async throws -> Any)] = [
            ("number", { try await self.pool.addNumber(number: "+14155550100") }),
            ("number", { try await self.pool.getTollfree(number: "1415") }),
            ("shortcode", { try await self.pool.removeShortcode(shortcode: "44") }),
            ("starts_with", { try await self.pool.listNumbers(filter: NumberFilter(startsWith: ["1415"])) }),
            ("country_iso2", { try await self.pool.listAllNumbers(filter: NumberFilter(countryIso2: "usa")) }),
            ("limit", { try await self.pool.listTollfree(limit: 21) }),
            ("offset", { try await self.pool.listShortcodes(offset: -1) }),
            ("pool_uuid", { try self.client.numberPool(poolUuid: "not-a-uuid") }),
        ]
        for (field, call) in cases {
            let error = try await expectError { try await call() }
            guard case .Validation(let got, _) = error else { return XCTFail("\(field): \(error)") }
            XCTAssertEqual(got, field)
        }
        let o = try XCTUnwrap(owner)
        let poolless = Powerpack(
            apiId: o.apiId, uuid: o.uuid, name: o.name, stickySender: o.stickySender, localConnect: o.localConnect,
            applicationType: o.applicationType, applicationId: o.applicationId, numberPool: nil, numberPoolUuid: nil,
            numberPriority: o.numberPriority, createdOn: o.createdOn)
        let error = try expectError { try client.numberPool(of: poolless) }
        guard case .Validation("powerpack.number_pool", _) = error else { return XCTFail("\(error)") }
        XCTAssertEqual(try Sandbox.shared.journal().count, 0)
    }

    func testApiErrorsArriveAsTheirCases() async throws {
        _ = try await pool.addNumber(number: "14155550100")
        let other = try await client.numberPool(of: client.createPowerpack(name: "other"))
        let taken = try await expectError { try await other.addNumber(number: "14155550100") }
        guard case .InvalidRequest(400, _, let reason, _) = taken else { return XCTFail("\(taken)") }
        XCTAssertEqual(reason, "number 14155550100 belongs to another number pool")
        let unknown = try await expectError {
            try await self.client.numberPool(poolUuid: "0166c910-1268-47c7-bf30-f5809ee843b9").listNumbers()
        }
        guard case .NotFound = unknown else { return XCTFail("\(unknown)") }

        try Sandbox.shared.inject(Fault(kind: "status", method: "POST", path: poolPath("Number/14155559999/"), status: 503))
        try Sandbox.shared.clearJournal()
        let server = try await expectError { try await self.pool.buyAndAddNumber(number: "14155559999") }
        guard case .Server(503, _, _, _) = server else { return XCTFail("\(server)") }
        XCTAssertEqual(try Sandbox.shared.journal().count, 1, "a buy is not repeated once the server may have seen it")
    }
}
