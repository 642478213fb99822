import Foundation

/// Runs blocking work (libpq calls that wait on the server) on a thread of its own, so that
/// concurrent test workers never starve Swift's cooperative thread pool, which has as many
/// threads as the machine has cores.
public func onThread<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        let thread = Thread { continuation.resume(with: Result { try body() }) }
        thread.start()
    }
}
