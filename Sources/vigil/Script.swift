import Foundation

/// The script `-f` names: a file, a named pipe, a device such as `/dev/stdin`, or `-` for
/// standard input (as psql reads `-f -`), read whole before the first command runs.
struct Script {
    var text: String
    /// The name errors are located by (`setup.vgl:4: error: …`); `stdin` for `-`.
    var name: String
    /// Where the script's relative file names (`holiday import FILE`) are looked up.
    var folder: URL

    /// Why a script could not be read, in the words `vigil` prints before exiting with 2.
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Reads the script. A file's relative names are relative to its folder; a stream's (`-`,
    /// `/dev/stdin`, `/dev/fd/N` from `<(…)`, anything under /proc) to the current folder,
    /// since the folder such a name lies in says nothing about where the script came from.
    static func read(_ argument: String, currentFolder: URL) throws(Failure) -> Script {
        let isStandardInput = argument == "-"
        let handle = isStandardInput ? FileHandle.standardInput : FileHandle(forReadingAtPath: argument)
        // `FileManager.contents(atPath:)` cannot read a pipe or a device; a handle reads anything
        // that can be read, to its end.
        guard let handle, let data = try? handle.readToEnd() ?? Data() else {
            throw Failure(description: "cannot read the script \(argument): no such file or not readable")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw Failure(description: "the script \(argument) is not UTF-8 text")
        }
        if isStandardInput {
            return Script(text: text, name: "stdin", folder: currentFolder)
        }
        let url = URL(fileURLWithPath: argument, relativeTo: currentFolder)
        let isStream = ["/dev/", "/proc/"].contains { url.standardizedFileURL.path.hasPrefix($0) }
        return Script(
            text: text, name: argument, folder: isStream ? currentFolder : url.deletingLastPathComponent())
    }
}
