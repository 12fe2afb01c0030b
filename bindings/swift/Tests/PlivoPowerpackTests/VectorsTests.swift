// The conformance vectors of tests/vectors/ through the Swift package's API (labels, enums with
// associated values, `TimeInterval`); results are mapped to the neutral form by `neutral`, errors
// by `errorFields`. The counts go to target/vectors/swift.json.
import Foundation
import XCTest
import PlivoPowerpack

final class VectorsTests: XCTestCase {
    private static let root = ProcessInfo.processInfo.environment["POWERPACK_REPO_ROOT"] ?? "../.."
    private static let kinds = ["requests", "responses", "retries", "validation"]
    /// What Swift's API cannot express, and why: nothing.
    private static let skips: [String: String] = [:]

    private func load(_ kind: String) throws -> [String: Any] {
        let data = try Data(contentsOf: URL(fileURLWithPath: "\(Self.root)/tests/vectors/\(kind).json"))
        return try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    /// A time as the core writes it: UTC, six fraction digits.
    private static func time(_ date: Date) -> String {
        let t = date.timeIntervalSince1970
        let whole = t.rounded(.down)
        var micros = Int(((t - whole) * 1_000_000).rounded())
        var seconds = Int(whole)
        if micros == 1_000_000 { micros = 0; seconds += 1 }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second],
                                        from: Date(timeIntervalSince1970: TimeInterval(seconds)))
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02d.%06dZ", c.year!, c.month!, c.day!, c.hour!, c.minute!, c.second!, micros)
    }

    private static func opt(_ s: String?) -> Any { s.map { $0 as Any } ?? NSNull() }
    private static func opt(_ b: Bool?) -> Any { b.map { $0 as Any } ?? NSNull() }
    private static func opt(_ d: Date?) -> Any { d.map { time($0) as Any } ?? NSNull() }

    private static func neutral(_ p: NumberPriority) -> Any {
        let name: (NumberType) -> String = { t in switch t { case .shortcode: "shortcode"; case .tollfree: "tollfree"; case .longcode: "longcode" } }
        return ["country_iso": p.countryIso, "service_type": p.serviceType == .sms ? "SMS" : "MMS",
                "priority": ["priority1": name(p.priority.priority1), "priority2": name(p.priority.priority2),
                             "priority3": name(p.priority.priority3)]] as [String: Any]
    }

    /// A package value in the vectors' neutral form.
    static func neutral(_ value: Any) -> Any {
        switch value {
        case let p as Powerpack:
            return ["api_id": opt(p.apiId), "uuid": p.uuid, "name": p.name, "sticky_sender": opt(p.stickySender),
                    "local_connect": opt(p.localConnect), "application_type": opt(p.applicationType),
                    "application_id": opt(p.applicationId), "number_pool": opt(p.numberPool),
                    "number_pool_uuid": opt(p.numberPoolUuid), "number_priority": p.numberPriority.map(neutral),
                    "created_on": opt(p.createdOn)] as [String: Any]
        case let n as PoolNumber:
            return ["api_id": opt(n.apiId), "number": n.number, "type": opt(n.numberType), "country_iso2": opt(n.countryIso2),
                    "service": opt(n.service), "number_pool_uuid": opt(n.numberPoolUuid),
                    "account_phone_number_resource": opt(n.accountPhoneNumberResource), "added_on": opt(n.addedOn)] as [String: Any]
        case let s as Shortcode:
            return ["api_id": opt(s.apiId), "shortcode": s.shortcode, "country_iso2": opt(s.countryIso2),
                    "number_pool_uuid": opt(s.numberPoolUuid), "added_on": opt(s.addedOn)] as [String: Any]
        case let d as DeleteResult:
            return ["api_id": opt(d.apiId), "response": opt(d.response)] as [String: Any]
        case let m as ListMeta:
            return ["limit": m.limit, "offset": m.offset, "total_count": m.totalCount, "next": opt(m.next),
                    "previous": opt(m.previous)] as [String: Any]
        case let page as PowerpackPage:
            return ["api_id": opt(page.apiId), "meta": neutral(page.meta), "powerpacks": page.powerpacks.map(neutral)] as [String: Any]
        case let page as PoolNumberPage:
            return ["api_id": opt(page.apiId), "meta": neutral(page.meta), "numbers": page.numbers.map(neutral)] as [String: Any]
        case let page as ShortcodePage:
            return ["api_id": opt(page.apiId), "meta": neutral(page.meta), "shortcodes": page.shortcodes.map(neutral)] as [String: Any]
        case let list as [Powerpack]: return list.map(neutral)
        case let list as [PoolNumber]: return list.map(neutral)
        case let list as [Shortcode]: return list.map(neutral)
        default: fatalError("no neutral form for \(type(of: value))")
        }
    }

    static func errorFields(_ e: PowerpackError) -> [String: Any] {
        func api(_ kind: String, _ status: Int32, _ apiId: String?, _ reason: String, _ excerpt: String,
                 _ after: TimeInterval? = nil) -> [String: Any] {
            ["kind": kind, "status": Int(status), "api_id": opt(apiId), "reason": reason, "body_excerpt": excerpt,
             "field": NSNull(), "retry_after": after.map { $0 as Any } ?? NSNull()]
        }
        func local(_ kind: String, _ reason: String, field: String? = nil, excerpt: String? = nil) -> [String: Any] {
            ["kind": kind, "status": NSNull(), "api_id": NSNull(), "reason": reason, "body_excerpt": opt(excerpt),
             "field": opt(field), "retry_after": NSNull()]
        }
        switch e {
        case let .Validation(field, reason): return local("validation", reason, field: field)
        case let .Authentication(s, id, r, b): return api("authentication", s, id, r, b)
        case let .Forbidden(s, id, r, b): return api("forbidden", s, id, r, b)
        case let .NotFound(s, id, r, b): return api("not_found", s, id, r, b)
        case let .InvalidRequest(s, id, r, b): return api("invalid_request", s, id, r, b)
        case let .RateLimited(s, id, r, b, after): return api("rate_limited", s, id, r, b, after)
        case let .Server(s, id, r, b): return api("server", s, id, r, b)
        case let .Timeout(r): return local("timeout", r)
        case let .Network(r): return local("network", r)
        case let .Decode(_, r, b): return local("decode", r, excerpt: b)
        case let .Tls(r): return local("tls", r)
        case let .Internal(r): return local("internal", r)
        }
    }

    private func application(_ a: [String: Any]) -> Application {
        switch a["type"] as? String {
        case "xml": return .xml(appId: a["id"] as! String)
        case "phlo": return .phlo(phloId: a["id"] as! String)
        default: return .detach
        }
    }

    private func priorities(_ list: Any?) -> [NumberPriority]? {
        guard let list = list as? [[String: Any]] else { return nil }
        let type: (Any?) -> NumberType = { v in ["shortcode": .shortcode, "tollfree": .tollfree, "longcode": .longcode][v as! String]! }
        return list.map { p in
            let pr = p["priority"] as! [String: Any]
            return NumberPriority(countryIso: p["country_iso"] as! String,
                                  serviceType: (p["service_type"] as! String).uppercased() == "SMS" ? .sms : .mms,
                                  priority: Priority(priority1: type(pr["priority1"]), priority2: type(pr["priority2"]),
                                                     priority3: type(pr["priority3"])))
        }
    }

    private func service(_ v: Any?) -> ServiceType? {
        (v as? String).map { $0.lowercased() == "sms" ? .sms : .mms }
    }

    private func filter(_ f: Any?) -> NumberFilter {
        let f = f as? [String: Any] ?? [:]
        let type: PoolNumberType? = (f["number_type"] as? String).map { ["fixed": .fixed, "mobile": .mobile, "tollfree": .tollfree][$0]! }
        return NumberFilter(startsWith: f["starts_with"] as? [String] ?? [], countryIso2: f["country_iso2"] as? String,
                            numberType: type, service: service(f["service"]))
    }

    /// The operation through the package's API, as a Swift user would write it.
    private func call(_ c: PowerpackClient, _ op: String, _ a: [String: Any]) throws -> Any {
        let pool = { try c.numberPool(poolUuid: a["pool_uuid"] as! String) }
        let limit = (a["limit"] as? Int).map(Int32.init)
        let offset = (a["offset"] as? Int).map(Int32.init)
        let changes = (a["changes"] ?? a["powerpack"]) as? [String: Any] ?? [:]
        let app = (changes["application"] as? [String: Any]).map(application)
        switch op {
        case "get_powerpack": return try c.getPowerpack(uuid: a["uuid"] as! String)
        case "create_powerpack":
            return try c.createPowerpack(name: changes["name"] as! String, stickySender: changes["sticky_sender"] as? Bool,
                                         localConnect: changes["local_connect"] as? Bool, application: app,
                                         numberPriority: priorities(changes["number_priority"]))
        case "update_powerpack":
            return try c.updatePowerpack(uuid: a["uuid"] as! String, name: changes["name"] as? String,
                                         stickySender: changes["sticky_sender"] as? Bool,
                                         localConnect: changes["local_connect"] as? Bool, application: app,
                                         numberPriority: priorities(changes["number_priority"]))
        case "list_powerpacks": return try c.listPowerpacks(limit: limit, offset: offset)
        case "list_all_powerpacks": return try c.listAllPowerpacks()
        case "delete_powerpack": return try c.deletePowerpack(uuid: a["uuid"] as! String, unrentNumbers: a["unrent_numbers"] as? Bool ?? false)
        case "list_numbers": return try pool().listNumbers(filter: filter(a["filter"]), limit: limit, offset: offset)
        case "list_all_numbers": return try pool().listAllNumbers(filter: filter(a["filter"]))
        case "get_number": return try pool().getNumber(number: a["number"] as! String)
        case "add_number": return try pool().addNumber(number: a["number"] as! String, service: service(a["service"]))
        case "buy_and_add_number": return try pool().buyAndAddNumber(number: a["number"] as! String, service: service(a["service"]))
        case "remove_number": return try pool().removeNumber(number: a["number"] as! String, unrent: a["unrent"] as? Bool ?? false)
        case "list_shortcodes": return try pool().listShortcodes(limit: limit, offset: offset)
        case "list_all_shortcodes": return try pool().listAllShortcodes()
        case "get_shortcode": return try pool().getShortcode(shortcode: a["shortcode"] as! String)
        case "remove_shortcode": return try pool().removeShortcode(shortcode: a["shortcode"] as! String)
        case "list_tollfree": return try pool().listTollfree(limit: limit, offset: offset)
        case "list_all_tollfree": return try pool().listAllTollfree()
        case "get_tollfree": return try pool().getTollfree(number: a["number"] as! String)
        case "add_tollfree": return try pool().addTollfree(number: a["number"] as! String)
        case "remove_tollfree": return try pool().removeTollfree(number: a["number"] as! String, unrent: a["unrent"] as? Bool ?? false)
        default: fatalError("no operation \(op)")
        }
    }

    /// Both sides as canonical JSON text (sorted keys), so that 120 and 120.0 compare alike.
    private func canonical(_ value: Any) throws -> String {
        let data = try JSONSerialization.data(withJSONObject: ["v": value], options: [.sortedKeys, .fragmentsAllowed])
        return String(decoding: data, as: UTF8.self)
    }

    func testEveryConformanceVector() throws {
        var passed = 0, failed: [String] = []
        for kind in Self.kinds {
            let file = try load(kind)
            let c = file["client"] as! [String: Any]
            let r = c["retry"] as! [String: Any]
            let config = ClientConfig(baseUrl: Sandbox.shared.baseUrl, retry: RetryPolicy(
                maxAttempts: Int32(r["max_attempts"] as! Int), baseDelay: Double(r["base_delay_ms"] as! Int) / 1000,
                maxDelay: Double(r["max_delay_ms"] as! Int) / 1000))
            let client = try PowerpackClient(authId: c["auth_id"] as! String, authToken: c["auth_token"] as! String, config: config)
            let every = file["every_request"] as! [String: Any]
            for v in file["vectors"] as! [[String: Any]] {
                let name = "\(kind): \(v["name"] as! String)"
                var problems: [String] = []
                try Sandbox.shared.reset()
                for answer in v["answers"] as! [[String: Any]] {
                    var body = answer["body"] as? String ?? ""
                    if let fixture = answer["body_fixture"] as? String {
                        body = try String(contentsOfFile: "\(Self.root)/tests/fixtures/official-sdks/\(fixture)", encoding: .utf8)
                    }
                    try Sandbox.shared.queue(["kind": "answer", "count": 1, "status": answer["status"]!,
                                              "headers": answer["headers"]!, "body": body])
                }
                var got: (String, Any)
                do {
                    got = ("result", Self.neutral(try call(client, v["operation"] as! String, v["args"] as! [String: Any])))
                } catch let e as PowerpackError {
                    got = ("error", Self.errorFields(e))
                }
                let expect = v["expect"] as! [String: Any]
                let journal = try Sandbox.shared.journal()
                if journal.count != expect["attempts"] as! Int { problems.append("\(journal.count) requests") }
                for (i, want) in (expect["requests"] as? [[String: Any]] ?? []).enumerated() where i < journal.count {
                    let seen = journal[i]
                    let body: String? = seen.body.isEmpty ? nil : seen.body
                    if seen.method != want["method"] as! String || seen.path != (every["path_prefix"] as! String) + (want["path"] as! String)
                        || seen.query != want["query"] as? String || body != want["body"] as? String {
                        problems.append("request \(i): \(seen.method) \(seen.path) \(seen.query ?? "-") \(body ?? "-")")
                    }
                    let headers = (want["headers"] as! [String: String]).merging(every["headers"] as! [String: String]) { a, _ in a }
                    for (header, value) in headers where seen.header(header) != value {
                        problems.append("request \(i): header \(header) \(seen.header(header) ?? "-")")
                    }
                    let ua = seen.header("user-agent") ?? ""
                    if ua.range(of: every["user_agent_pattern"] as! String, options: .regularExpression) == nil {
                        problems.append("user-agent \(ua)")
                    }
                }
                if let result = expect["result"] {
                    let (gotText, wantText) = (try canonical(got.1), try canonical(result))
                    if got.0 != "result" || gotText != wantText {
                        problems.append("got \(gotText), expected \(wantText)")
                    }
                } else if let error = expect["error"] as? [String: Any] {
                    let fields = got.1 as? [String: Any] ?? [:]
                    let picked = error.keys.reduce(into: [String: Any]()) { $0[$1] = fields[$1] ?? NSNull() }
                    let (gotText, wantText) = (try canonical(got.0 == "error" ? picked : got.1), try canonical(error))
                    if got.0 != "error" || gotText != wantText {
                        problems.append("got \(got.0) \(gotText), expected \(wantText)")
                    }
                }
                if problems.isEmpty { passed += 1 } else { failed.append("\(name): \(problems.joined(separator: "; "))") }
            }
        }
        let summary = "{\"language\": \"swift\", \"passed\": \(passed), \"failed\": \(failed.count), \"skipped\": 0, \"skips\": []}"
        try FileManager.default.createDirectory(atPath: "\(Self.root)/target/vectors", withIntermediateDirectories: true)
        try summary.write(toFile: "\(Self.root)/target/vectors/swift.json", atomically: true, encoding: .utf8)
        print("conformance vectors (swift): \(passed) passed, \(failed.count) failed, 0 skipped")
        XCTAssert(failed.isEmpty, failed.joined(separator: "\n"))
    }
}
