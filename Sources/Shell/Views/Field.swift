/// A column of a table beside how each row fills it, so that a header and its cell cannot
/// drift apart.
struct Field<Row> {
    let column: Column
    let cell: (Row) -> Value

    init(_ key: String, _ header: L, _ cell: @escaping (Row) -> Value) {
        self.init(Column(key, header), cell)
    }

    init(_ column: Column, _ cell: @escaping (Row) -> Value) {
        (self.column, self.cell) = (column, cell)
    }
}

extension Output {
    /// A table of `rows`, a column for each field.
    static func table<Row>(_ rows: [Row], _ fields: [Field<Row>]) -> Output {
        .table(fields.map(\.column), rows.map { row in fields.map { $0.cell(row) } })
    }
}
