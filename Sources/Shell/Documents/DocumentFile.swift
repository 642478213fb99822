import Foundation

/// Where a document goes: `--out FILE.html` writes the page, `--out FILE.pdf` prints it with
/// headless Chromium. Nothing is written when anything fails.
enum DocumentFile {
    enum Kind {
        case html, pdf
    }

    /// The packages a PDF needs on Debian: the browser, and fonts that print Chinese.
    static let pdfPackages = "chromium fonts-noto-cjk"

    /// The kind of file the name asks for, refusing any other extension by name.
    static func kind(of path: String) throws(ShellError) -> Kind {
        switch URL(fileURLWithPath: path).pathExtension.lowercased() {
        case "html", "htm": return .html
        case "pdf": return .pdf
        default:
            throw ShellError.badValue(
                word: path, flag: "--out", expected: L("a file ending in .html or .pdf", "以 .html 或 .pdf 结尾的文件名"))
        }
    }

    /// Writes the page to the file the session's folder resolves `path` to.
    static func write(_ page: Page, to path: String, in session: Session) throws {
        let url = URL(fileURLWithPath: path, relativeTo: session.baseDirectory)
        switch try kind(of: path) {
        case .html:
            try Data(page.html.utf8).write(to: url, options: .atomic)
        case .pdf:
            try print(page.html, to: url)
        }
    }

    /// Prints HTML to a PDF with headless Chromium (`--no-sandbox`: it may run as root; the page
    /// has no scripts and its policy forbids them).
    static func print(_ html: String, to url: URL) throws {
        guard let chromium = ["chromium", "chromium-browser", "google-chrome"].lazy.compactMap(executable).first else {
            throw ShellError(
                L(
                    "printing a PDF needs Chromium and Chinese fonts: install them with `make report-deps` (Debian packages: \(pdfPackages)), or ask for .html",
                    "生成 PDF 需要 Chromium 和中文字体：运行 `make report-deps` 安装（Debian 软件包：\(pdfPackages)），或改为输出 .html"))
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("vigil-print-" + UUID().uuidString)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let source = folder.appendingPathComponent("page.html")
        let printed = folder.appendingPathComponent("page.pdf")
        try Data(html.utf8).write(to: source)
        // A browser that hangs (a broken GPU stack, a missing font service) must not hang the
        // shell: a page prints in a second or two. GNU timeout runs Chromium in a process group
        // of its own and, after two minutes, stops the whole group (renderers included),
        // killing it five seconds later if it will not stop.
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable("timeout") ?? "/usr/bin/timeout")
        process.arguments = [
            "--kill-after=5s", "120s", chromium, "--headless=new", "--no-sandbox", "--disable-gpu",
            "--no-pdf-header-footer", "--user-data-dir=" + folder.appendingPathComponent("profile").path,
            "--print-to-pdf=" + printed.path, source.absoluteString,
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        if process.terminationReason == .uncaughtSignal || [124, 137].contains(process.terminationStatus) {
            throw ShellError(L("Chromium did not finish printing the PDF in 2 minutes", "Chromium 在 2 分钟内未能生成 PDF"))
        }
        guard process.terminationStatus == 0, FileManager.default.fileExists(atPath: printed.path) else {
            throw ShellError(
                L(
                    "Chromium could not print the PDF (exit status \(process.terminationStatus))",
                    "Chromium 未能生成 PDF（退出状态 \(process.terminationStatus)）"))
        }
        try Data(contentsOf: printed).write(to: url, options: .atomic)
    }

    private static func executable(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/\(name)" }.first {
            FileManager.default.isExecutableFile(atPath: $0)
        }
    }
}
