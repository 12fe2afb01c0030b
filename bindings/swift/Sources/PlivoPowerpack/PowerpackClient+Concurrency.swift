// Swift concurrency spellings of the client's calls, written by hand over the generated code.
//
// UniFFI exports each call twice: blocking (`getPowerpack(uuid:)`) and async with an `Async`
// suffix (`getPowerpackAsync(uuid:)`). Swift overloads on `async` (SE-0296), so these let Swift
// code write `try await client.getPowerpack(uuid:)`: inside an async context the compiler picks
// the async form, and a blocking call cannot be made there by accident.
//
// Cancellation: UniFFI 0.32 does not pass Swift task cancellation to Rust (uniffi-rs #2771).
// A cancelled task's call keeps running until it completes or the client's `totalDeadlineMs`
// ends it; keep that deadline as short as the caller can wait.

extension PowerpackClient {
    /// Fetches one Powerpack.
    public func getPowerpack(uuid: String) async throws -> Powerpack {
        try await getPowerpackAsync(uuid: uuid)
    }

    /// Changes a Powerpack: arguments left `nil` are not sent, `false` is sent as `false`.
    /// At least one change is required (else `PowerpackError.Validation`, nothing sent).
    public func updatePowerpack(
        uuid: String,
        name: String? = nil,
        stickySender: Bool? = nil,
        localConnect: Bool? = nil,
        application: Application? = nil,
        numberPriority: [NumberPriority]? = nil
    ) async throws -> Powerpack {
        try await updatePowerpackAsync(
            uuid: uuid, name: name, stickySender: stickySender, localConnect: localConnect,
            application: application, numberPriority: numberPriority)
    }

    /// Creates a Powerpack; `nil` booleans take the API's defaults (`true`).
    public func createPowerpack(
        name: String,
        stickySender: Bool? = nil,
        localConnect: Bool? = nil,
        application: Application? = nil,
        numberPriority: [NumberPriority]? = nil
    ) async throws -> Powerpack {
        try await createPowerpackAsync(
            name: name, stickySender: stickySender, localConnect: localConnect,
            application: application, numberPriority: numberPriority)
    }

    /// One page of Powerpacks: `limit` 1...20, `offset` from 0.
    public func listPowerpacks(limit: Int32 = 20, offset: Int32 = 0) async throws -> PowerpackPage {
        try await listPowerpacksAsync(limit: limit, offset: offset)
    }

    /// Every Powerpack of the account, all pages.
    public func listAllPowerpacks() async throws -> [Powerpack] {
        try await listAllPowerpacksAsync()
    }

    /// Deletes a Powerpack; `unrentNumbers` also releases its numbers.
    public func deletePowerpack(uuid: String, unrentNumbers: Bool = false) async throws -> DeleteResult {
        try await deletePowerpackAsync(uuid: uuid, unrentNumbers: unrentNumbers)
    }
}
