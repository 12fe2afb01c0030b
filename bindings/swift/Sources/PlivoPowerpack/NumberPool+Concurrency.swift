// Swift spellings of the number pool's calls, over the generated code (see
// PowerpackClient+Concurrency.swift for why the async forms drop the `Async` suffix).
//
//     let pool = try client.numberPool(of: powerpack)
//     let added = try await pool.addNumber(number: "14155550100")        // never buys: "rent": false
//     let page = try await pool.listNumbers(filter: NumberFilter(countryIso2: "US"), limit: 5)
//
// Removals keep the number rented unless `unrent: true`.

extension PowerpackClient {
    /// The number pool of a Powerpack. Sends nothing; `PowerpackError.Validation` when the
    /// Powerpack came without a `number_pool`.
    public func numberPool(of powerpack: Powerpack) throws -> NumberPool {
        try numberPoolOf(powerpack: powerpack)
    }
}

extension NumberPool {
    /// One page of the pool's numbers matching `filter`: `limit` 1...20 (default 20), `offset` from 0.
    public func listNumbers(filter: NumberFilter = NumberFilter(), limit: Int32? = nil, offset: Int32? = nil) async throws -> PoolNumberPage {
        try await listNumbersAsync(filter: filter, limit: limit, offset: offset)
    }

    /// Every number of the pool matching `filter`, all pages.
    public func listAllNumbers(filter: NumberFilter = NumberFilter()) async throws -> [PoolNumber] {
        try await listAllNumbersAsync(filter: filter)
    }

    /// One number of the pool (E.164 digits without `+`).
    public func getNumber(number: String) async throws -> PoolNumber {
        try await getNumberAsync(number: number)
    }

    /// Adds a number the account already rents; never buys (sends `"rent": false`).
    public func addNumber(number: String, service: ServiceType? = nil) async throws -> PoolNumber {
        try await addNumberAsync(number: number, service: service)
    }

    /// Buys a number and adds it to the pool (sends `"rent": true`).
    public func buyAndAddNumber(number: String, service: ServiceType? = nil) async throws -> PoolNumber {
        try await buyAndAddNumberAsync(number: number, service: service)
    }

    /// Takes a number out of the pool; `unrent: true` also releases it from the account.
    public func removeNumber(number: String, unrent: Bool = false) async throws -> DeleteResult {
        try await removeNumberAsync(number: number, unrent: unrent)
    }

    /// One page of the pool's shortcodes.
    public func listShortcodes(limit: Int32? = nil, offset: Int32? = nil) async throws -> ShortcodePage {
        try await listShortcodesAsync(limit: limit, offset: offset)
    }

    /// Every shortcode of the pool, all pages.
    public func listAllShortcodes() async throws -> [Shortcode] {
        try await listAllShortcodesAsync()
    }

    /// One shortcode of the pool.
    public func getShortcode(shortcode: String) async throws -> Shortcode {
        try await getShortcodeAsync(shortcode: shortcode)
    }

    /// Takes a shortcode out of the pool.
    public func removeShortcode(shortcode: String) async throws -> DeleteResult {
        try await removeShortcodeAsync(shortcode: shortcode)
    }

    /// One page of the pool's toll-free numbers.
    public func listTollfree(limit: Int32? = nil, offset: Int32? = nil) async throws -> PoolNumberPage {
        try await listTollfreeAsync(limit: limit, offset: offset)
    }

    /// Every toll-free number of the pool, all pages.
    public func listAllTollfree() async throws -> [PoolNumber] {
        try await listAllTollfreeAsync()
    }

    /// One toll-free number of the pool.
    public func getTollfree(number: String) async throws -> PoolNumber {
        try await getTollfreeAsync(number: number)
    }

    /// Adds a toll-free number the account already rents.
    public func addTollfree(number: String) async throws -> PoolNumber {
        try await addTollfreeAsync(number: number)
    }

    /// Takes a toll-free number out of the pool; `unrent: true` also releases it.
    public func removeTollfree(number: String, unrent: Bool = false) async throws -> DeleteResult {
        try await removeTollfreeAsync(number: number, unrent: unrent)
    }
}
