// Questions a Swift caller asks of any PowerpackError without a `switch` over every case,
// in the manner of the Rust core's `is_timeout()`-style predicates.

extension PowerpackError {
    /// The HTTP status of an API error; `nil` for validation, timeout, network and decode errors.
    public var httpStatus: Int? {
        switch self {
        case .Authentication(let status, _, _, _), .Forbidden(let status, _, _, _),
             .NotFound(let status, _, _, _), .InvalidRequest(let status, _, _, _),
             .RateLimited(let status, _, _, _, _), .Server(let status, _, _, _):
            return Int(status)
        case .Validation, .Timeout, .Network, .Tls, .Decode, .Internal:
            return nil
        }
    }

    /// Plivo's `api_id` for the failed request, when the server sent one.
    public var apiId: String? {
        switch self {
        case .Authentication(_, let apiId, _, _), .Forbidden(_, let apiId, _, _),
             .NotFound(_, let apiId, _, _), .InvalidRequest(_, let apiId, _, _),
             .RateLimited(_, let apiId, _, _, _), .Server(_, let apiId, _, _):
            return apiId
        case .Validation, .Timeout, .Network, .Tls, .Decode, .Internal:
            return nil
        }
    }

    /// Why the call failed, in words (the server's message for API errors).
    public var reason: String {
        switch self {
        case .Validation(_, let reason), .Timeout(let reason), .Network(let reason),
             .Decode(_, let reason, _), .Tls(let reason), .Internal(let reason),
             .Authentication(_, _, let reason, _), .Forbidden(_, _, let reason, _),
             .NotFound(_, _, let reason, _), .InvalidRequest(_, _, let reason, _),
             .RateLimited(_, _, let reason, _, _), .Server(_, _, let reason, _):
            return reason
        }
    }

    /// True when the request never left the process: a parameter or setting was refused.
    public var isValidation: Bool {
        if case .Validation = self { return true }
        return false
    }

    /// True for a timeout of any kind: connect, one attempt, or the call's total deadline.
    public var isTimeout: Bool {
        if case .Timeout = self { return true }
        return false
    }
}
