/// How far a long job has got, for standard error: on a terminal one line rewritten in place,
/// elsewhere (a log, a pipe, CI) whole lines, which a carriage return would run together.
public struct ProgressLine {
    let label: String
    let total: Int
    let unit: String
    let every: Int
    let onTerminal: Bool
    let write: (String) -> Void

    /// Reports read `label: done/total unit`; `every` is how many steps lie between two
    /// reports, and the last step is always reported.
    public init(
        _ label: String, total: Int, unit: String, every: Int, onTerminal: Bool, write: @escaping (String) -> Void
    ) {
        self.label = label
        self.total = total
        self.unit = unit
        self.every = max(1, every)
        self.onTerminal = onTerminal
        self.write = write
    }

    /// Reports that `done` of the steps are done, when that is a multiple of `every` or the end.
    public func advance(to done: Int) {
        guard done % every == 0 || done == total else { return }
        let line = "\(label): \(done)/\(total) \(unit)"
        let finished = done == total
        write(onTerminal ? "\r" + line + (finished ? "\n" : "") : line + "\n")
    }
}
