// The seed's "Update a Powerpack" flow from Swift, as `make demo` runs it.
//
//     PLIVO_AUTH_ID=MA... PLIVO_AUTH_TOKEN=... SeedFlow <powerpack_uuid>
//
// PLIVO_BASE_URL points it at a sandbox instead of https://api.plivo.com.
import Foundation
import PlivoPowerpack

func show(_ label: String, _ p: Powerpack) {
    let created = p.createdOn.map { ISO8601DateFormatter().string(from: $0) } ?? "-"
    print("\(label): \(p.name) uuid=\(p.uuid) sticky_sender=\(p.stickySender.map(String.init) ?? "-") "
        + "local_connect=\(p.localConnect.map(String.init) ?? "-") "
        + "application=\(p.applicationType ?? "none"):\(p.applicationId ?? "-") created_on=\(created)")
}

@main
struct SeedFlow {
    static func main() async {
        let arguments = CommandLine.arguments
        guard arguments.count == 2 else {
            FileHandle.standardError.write(Data("usage: SeedFlow <powerpack_uuid>\n".utf8))
            exit(2)
        }
        let uuid = arguments[1]
        do {
            // PLIVO_AUTH_ID, PLIVO_AUTH_TOKEN and, when set, PLIVO_BASE_URL.
            let client = try PowerpackClient.fromEnv(config: ClientConfig(userAgentSuffix: "swift-demo"))

            // The seed's Python flow: get the Powerpack, then change its name.
            let powerpack = try await client.getPowerpack(uuid: uuid)
            show("got", powerpack)
            show("renamed", try await client.updatePowerpack(uuid: powerpack.uuid, name: "powerpack_name_from_swift"))

            // The seed's .NET and Ruby flow: by uuid, `false` values sent as false, an XML application.
            let updated = try await client.updatePowerpack(
                uuid: uuid, stickySender: false, localConnect: false,
                application: .xml(appId: "20342783288007824"))
            show("updated", updated)

            // Errors are a Swift enum, matched with `catch`.
            do {
                _ = try await client.getPowerpack(uuid: "no-such-powerpack")
            } catch PowerpackError.NotFound(let status, let apiId, let reason, _) {
                print("not found: status=\(status) api_id=\(apiId ?? "-") reason=\(reason)")
            }
            do {
                _ = try await client.updatePowerpack(uuid: uuid)
            } catch let error as PowerpackError where error.isValidation {
                print("refused before sending: \(error.reason)")
            }
        } catch {
            FileHandle.standardError.write(Data("SeedFlow failed: \(error)\n".utf8))
            exit(1)
        }
    }
}
