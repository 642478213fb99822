/// A printable page: one self-contained HTML file (inline CSS, no scripts, nothing fetched
/// from the network — its content security policy forbids both), laid out for A4 paper and
/// for the screen, readable in colour and in black-and-white print.
struct Page {
    enum Orientation: String {
        case portrait, landscape
    }

    var title: String
    /// Lines under the title: the as-of date, the period, the viewpoint.
    var meta: [String]
    var orientation: Orientation
    var body: [HTML]
    /// Lines at the foot: where the figures come from and the seal of that log.
    var footer: [String]
    var language: Language
    /// The class of the page's `main` element, which picks its layout (`report`, `notice`).
    var kind = "report"

    /// The whole document.
    var html: String {
        let head = """
            <!DOCTYPE html>
            <html lang="\(language == .zh ? "zh-CN" : "en")">
            <head>
            <meta charset="utf-8">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(HTML.escape(title))</title>
            <style>
            @page { size: A4 \(orientation.rawValue); margin: 12mm 11mm; }
            \(Page.style)
            </style>
            </head>
            <body>
            """
        let header = HTML.element("h1", title) + meta.map { HTML.element("p", $0, class: "meta") }.joined()
        let foot = HTML.element("footer", footer.map { HTML.element("p", $0) })
        let main = HTML.element("main", [header] + body + [foot], class: kind)
        return head + "\n" + main.markup + "\n</body>\n</html>\n"
    }

    static let style = """
        * { box-sizing: border-box; }
        html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        body { font-family: "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "PingFang SC",
               "Microsoft YaHei", sans-serif; color: #111; font-size: 10.5pt; line-height: 1.45;
               margin: 0 auto; max-width: 1120px; padding: 18px; }
        @media print { body { padding: 0; max-width: none; } }
        h1 { font-size: 17pt; margin: 0 0 2px; }
        h2 { font-size: 12.5pt; margin: 16px 0 4px; border-bottom: 1.5px solid #333; padding-bottom: 2px;
             break-after: avoid; }
        h3 { font-size: 11pt; margin: 10px 0 2px; break-after: avoid; }
        h2.street { font-size: 14pt; border-bottom: 3px double #111; margin-top: 18px; }
        h2.street ~ h2.street { break-before: page; }
        p { margin: 3px 0; }
        .meta { color: #444; font-size: 9.5pt; }
        .figures { display: flex; flex-wrap: wrap; gap: 8px; margin: 10px 0 6px; }
        .figure { border: 1px solid #888; border-radius: 3px; padding: 4px 10px; min-width: 128px; }
        .figure b { display: block; font-size: 15pt; }
        .figure span { font-size: 9pt; color: #333; }
        table { border-collapse: collapse; margin: 4px 0 10px; }
        table.list { width: 100%; }
        table.list td:first-child, table.list th:first-child { white-space: nowrap; }
        th, td { border: 1px solid #aaa; padding: 2px 6px; text-align: left; vertical-align: top; }
        th { background: #e8e8e8; font-weight: 600; }
        td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        tr { break-inside: avoid; }
        .empty { color: #555; font-style: italic; }
        .heat th, .heat td { padding: 1px 2px; font-size: 8pt; text-align: center; }
        .heat th.row, .heat td.row { text-align: left; white-space: nowrap; padding: 1px 5px; font-size: 9pt; }
        .heat td.ok { background: #cde9cd; }
        .heat td.miss { background: #f2b8b8; font-weight: 700; }
        .heat td.rate { font-size: 9pt; white-space: nowrap; }
        .heat.wide { width: 100%; table-layout: fixed; }
        .heat.wide th, .heat.wide td { padding: 1px 0; font-size: 7pt; }
        .heat.wide th.row, .heat.wide td.row { width: 7.5em; font-size: 8pt; }
        .heat.wide th:last-child, .heat.wide td.rate { width: 6.5em; font-size: 8pt; }
        .legend { font-size: 9pt; color: #333; }
        .legend span { display: inline-block; border: 1px solid #aaa; padding: 0 6px; margin-right: 6px; }
        .legend .ok { background: #cde9cd; }
        .legend .miss { background: #f2b8b8; font-weight: 700; }
        .notice { font-size: 12pt; line-height: 1.9; }
        .notice h1 { text-align: center; font-size: 20pt; letter-spacing: 4px; margin-bottom: 6px; }
        .notice .number { text-align: right; }
        .notice .found { border: 1px solid #555; padding: 8px 12px; margin: 8px 0; }
        .notice .sign { display: flex; justify-content: space-between; margin-top: 36px; }
        .notice .sign p { width: 45%; }
        footer { border-top: 1px solid #888; margin-top: 18px; padding-top: 5px; font-size: 8.5pt; color: #333;
                 overflow-wrap: anywhere; }
        """
}
