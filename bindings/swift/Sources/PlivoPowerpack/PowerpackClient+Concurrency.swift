// Swift spellings of the client's calls, written by hand over the generated code.
//
// UniFFI exports each call twice: blocking (`getPowerpack(uuid:)`) and async with an `Async`
// suffix (`getPowerpackAsync(uuid:)`). Swift overloads on `async` (SE-0296), so these let Swift
// code write `try await client.getPowerpack(uuid:)`: inside an async context the compiler picks
// the async form, and a blocking call cannot be made there by accident.
//
// Updates and creates cross the FFI as one record (`UpdatePowerpack`, `CreatePowerpack`); the
// labelled forms here build it, so Swift callers write
// `client.updatePowerpack(uuid: id, name: "x", stickySender: false)`. Arguments left `nil` are
// not sent; `false` is sent as false.
//
// Cancellation: UniFFI 0.32 does not pass Swift task cancellation to Rust (uniffi-rs #2771).
// A cancelled task's call keeps running until it completes or the client's `totalDeadline`
// ends it; keep that deadline as short as the caller can wait.

extension PowerpackClient {
    /// Changes a Powerpack. At least one change is required (else `PowerpackError.Validation`,
    /// and nothing is sent).
    public func updatePowerpack(
        uuid: String,
        name: String? = nil,
        stickySender: Bool? = nil,
        localConnect: Bool? = nil,
        application: Application? = nil,
        numberPriority: [NumberPriority]? = nil
    ) throws -> Powerpack {
        try updatePowerpack(uuid: uuid, changes: UpdatePowerpack(
            name: name, stickySender: stickySender, localConnect: localConnect,
            application: application, numberPriority: numberPriority))
    }

    /// Creates a Powerpack; `nil` booleans take the API's defaults (`true`).
    public func createPowerpack(
        name: String,
        stickySender: Bool? = nil,
        localConnect: Bool? = nil,
        application: Application? = nil,
        numberPriority: [NumberPriority]? = nil
    ) throws -> Powerpack {
        try createPowerpack(powerpack: CreatePowerpack(
            name: name, stickySender: stickySender, localConnect: localConnect,
            application: application, numberPriority: numberPriority))
    }

    /// Fetches one Powerpack.
    public func getPowerpack(uuid: String) async throws -> Powerpack {
        try await getPowerpackAsync(uuid: uuid)
    }

    /// Changes a Powerpack (see the blocking form).
    public func updatePowerpack(uuid: String, changes: UpdatePowerpack) async throws -> Powerpack {
        try await updatePowerpackAsync(uuid: uuid, changes: changes)
    }

    /// Changes a Powerpack (see the blocking form).
    public func updatePowerpack(
        uuid: String,
        name: String? = nil,
        stickySender: Bool? = nil,
        localConnect: Bool? = nil,
        application: Application? = nil,
        numberPriority: [NumberPriority]? = nil
    ) async throws -> Powerpack {
        try await updatePowerpackAsync(uuid: uuid, changes: UpdatePowerpack(
            name: name, stickySender: stickySender, localConnect: localConnect,
            application: application, numberPriority: numberPriority))
    }

    /// Creates a Powerpack (see the blocking form).
    public func createPowerpack(powerpack: CreatePowerpack) async throws -> Powerpack {
        try await createPowerpackAsync(powerpack: powerpack)
    }

    /// Creates a Powerpack (see the blocking form).
    public func createPowerpack(
        name: String,
        stickySender: Bool? = nil,
        localConnect: Bool? = nil,
        application: Application? = nil,
        numberPriority: [NumberPriority]? = nil
    ) async throws -> Powerpack {
        try await createPowerpackAsync(powerpack: CreatePowerpack(
            name: name, stickySender: stickySender, localConnect: localConnect,
            application: application, numberPriority: numberPriority))
    }

    /// One page of Powerpacks: `limit` 1...20 (default 20), `offset` from 0.
    public func listPowerpacks(limit: Int32? = nil, offset: Int32? = nil) async throws -> PowerpackPage {
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
