/// One thing a command's words declare: a positional (its placeholder) or a flag.
enum Declaration {
    case positional(String)
    case flag(FlagSpec)
}

/// A stored property of a command that the parser fills from the command's words: it declares
/// its positionals and flags, from which the spec's lists are derived, and reads its own value.
protocol Parameter {
    var declarations: [Declaration] { get }
    /// Reads the value from the parsed words; `position` is the index of its first positional.
    func fill(from arguments: Arguments, position: Int) throws(ShellError)
}

/// The value a wrapper shares with the parser. A command is a value type, so the parser fills
/// this box through the copy that `Mirror` hands it; it is written once, before `run`.
final class Cell<Value> {
    let read: (Arguments, Int) throws(ShellError) -> Value
    var value: Value?

    init(_ read: @escaping (Arguments, Int) throws(ShellError) -> Value) {
        self.read = read
    }

    var filled: Value {
        guard let value else { preconditionFailure("a command's argument was read before parsing") }
        return value
    }

    func fill(from arguments: Arguments, position: Int) throws(ShellError) {
        value = try read(arguments, position)
    }
}

/// `--name VALUE`: required when the property is not optional and has no default.
@propertyWrapper
struct Flag<Value>: Parameter {
    let spec: FlagSpec
    let cell: Cell<Value>

    var wrappedValue: Value { cell.filled }
    var declarations: [Declaration] { [.flag(spec)] }

    func fill(from arguments: Arguments, position: Int) throws(ShellError) {
        try cell.fill(from: arguments, position: position)
    }

    init(_ name: String, _ valueName: String, as parser: ValueParser<Value>) {
        spec = FlagSpec(name, valueName, required: true)
        cell = Cell { arguments, _ throws(ShellError) in try parser.parse(try arguments.required(name), "--" + name) }
    }

    init<Wrapped>(_ name: String, _ valueName: String, as parser: ValueParser<Wrapped>) where Value == Wrapped? {
        spec = FlagSpec(name, valueName)
        cell = Cell { arguments, _ throws(ShellError) in try arguments.value(name, parser) }
    }

    init(wrappedValue: Value, _ name: String, _ valueName: String, as parser: ValueParser<Value>) {
        spec = FlagSpec(name, valueName)
        cell = Cell { arguments, _ throws(ShellError) in try arguments.value(name, parser) ?? wrappedValue }
    }
}

extension Flag where Value: ArgumentValue {
    init(_ name: String, _ valueName: String) {
        self.init(name, valueName, as: Value.parser)
    }

    init(wrappedValue: Value, _ name: String, _ valueName: String) {
        self.init(wrappedValue: wrappedValue, name, valueName, as: Value.parser)
    }
}

extension Flag {
    init<Wrapped: ArgumentValue>(_ name: String, _ valueName: String) where Value == Wrapped? {
        self.init(name, valueName, as: Wrapped.parser)
    }
}

/// `--name` alone, true when given.
@propertyWrapper
struct Switch: Parameter {
    let name: String
    let cell: Cell<Bool>

    var wrappedValue: Bool { cell.filled }
    var declarations: [Declaration] { [.flag(FlagSpec(name))] }

    init(_ name: String) {
        self.name = name
        cell = Cell { arguments, _ in arguments.has(name) }
    }

    func fill(from arguments: Arguments, position: Int) throws(ShellError) {
        try cell.fill(from: arguments, position: position)
    }
}

/// `--name VALUE`, which may be given several times (`--photo a.jpg --photo b.jpg`).
@propertyWrapper
struct Flags: Parameter {
    let spec: FlagSpec
    let cell: Cell<[String]>

    var wrappedValue: [String] { cell.filled }
    var declarations: [Declaration] { [.flag(spec)] }

    init(_ name: String, _ valueName: String) {
        spec = FlagSpec(name, valueName)
        cell = Cell { arguments, _ in arguments.strings(name) }
    }

    func fill(from arguments: Arguments, position: Int) throws(ShellError) {
        try cell.fill(from: arguments, position: position)
    }
}

/// A word after the command's words, in the order the properties are declared. `label` is the
/// name its refusals give it (`--today`'s date is refused as `today`).
@propertyWrapper
struct Positional<Value>: Parameter {
    let placeholder: String
    let cell: Cell<Value>

    var wrappedValue: Value { cell.filled }
    var declarations: [Declaration] { [.positional(placeholder)] }

    init(_ placeholder: String, as parser: ValueParser<Value>, label: String? = nil) {
        self.placeholder = placeholder
        cell = Cell { arguments, position throws(ShellError) in
            try parser.parse(arguments.positional(position), label ?? placeholder)
        }
    }

    func fill(from arguments: Arguments, position: Int) throws(ShellError) {
        try cell.fill(from: arguments, position: position)
    }
}

extension Positional where Value == String {
    init(_ placeholder: String) {
        self.init(placeholder, as: .text)
    }
}

/// Flags read together into one value, such as a deadline given as `--due` or `--within`.
@propertyWrapper
struct FlagGroup<Value>: Parameter {
    let group: Group
    let cell: Cell<Value>

    /// The flags of the group, and how their values make one.
    struct Group {
        let flags: [FlagSpec]
        let read: (Arguments) throws(ShellError) -> Value
    }

    var wrappedValue: Value { cell.filled }
    var declarations: [Declaration] { group.flags.map(Declaration.flag) }

    init(_ group: Group) {
        self.group = group
        cell = Cell { arguments, _ throws(ShellError) in try group.read(arguments) }
    }

    func fill(from arguments: Arguments, position: Int) throws(ShellError) {
        try cell.fill(from: arguments, position: position)
    }
}

extension Positional where Value == String {
    /// The code of an `A` (`F-3`), its placeholder taken from the code's letter (`F-n`).
    init<A: Named>(code _: A.Type) {
        guard let letter = A.naming.letter else { preconditionFailure("\(A.self) is named by its name, not a code") }
        self.init("\(letter)-n", as: .code(A.self))
    }
}
