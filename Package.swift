// swift-tools-version:6.0
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "vigil",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "vigil", targets: ["vigil"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0")
    ],
    targets: [
        .systemLibrary(
            name: "CLibPQ",
            pkgConfig: "libpq",
            providers: [.apt(["libpq-dev"])]
        ),
        .systemLibrary(
            name: "CEditLine",
            pkgConfig: "libedit",
            providers: [.apt(["libedit-dev"])]
        ),
        .target(name: "CivilTime", swiftSettings: swiftSettings),
        .target(name: "Postgres", dependencies: ["CLibPQ", "CivilTime"], swiftSettings: swiftSettings),
        .target(name: "EventStore", dependencies: ["Postgres"], swiftSettings: swiftSettings),
        .target(name: "Planner", dependencies: ["CivilTime"], swiftSettings: swiftSettings),
        .target(
            name: "PlannerStore",
            dependencies: ["Planner", "EventStore", "Postgres"],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "Shell",
            dependencies: ["PlannerStore", "Planner", "EventStore", "CEditLine"],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "vigil",
            dependencies: [
                "Shell", "PlannerStore", "Planner", "EventStore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "VigilBench",
            dependencies: ["Shell", "PlannerStore", "Planner", "EventStore", "Postgres"],
            swiftSettings: swiftSettings
        ),
        // Pure tests: no database, no binary.
        .testTarget(name: "PlannerTests", dependencies: ["Planner"], swiftSettings: swiftSettings),
        .testTarget(name: "ShellTests", dependencies: ["Shell", "Planner"], swiftSettings: swiftSettings),
        // Tests against the PostgreSQL that `make test` starts.
        .testTarget(
            name: "PostgresTests",
            dependencies: ["Postgres", "TestSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "EventStoreTests",
            dependencies: ["EventStore", "Postgres", "TestSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "PlannerStoreTests",
            dependencies: [
                "PlannerStore", "Planner", "EventStore", "Postgres", "Shell", "TestSupport", "ShellHarness",
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ShellDatabaseTests",
            dependencies: [
                "Shell", "PlannerStore", "Planner", "EventStore", "Postgres", "TestSupport", "ShellHarness",
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "SecurityTests",
            dependencies: [
                "EventStore", "Planner", "Postgres", "Shell", "TestSupport", "ShellHarness", "PlannerStore",
            ],
            swiftSettings: swiftSettings
        ),
        // The vigil binary as a user runs it: scripts, golden output, a terminal, faults.
        // The distributed tests, on the Citus cluster `make test-citus` starts.
        .testTarget(
            name: "CitusTests",
            dependencies: ["EventStore", "Postgres", "TestSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "EndToEndTests",
            dependencies: [
                "TestSupport", "ShellHarness", "Postgres", "EventStore", "Planner", "PlannerStore", "Shell",
            ],
            exclude: ["Golden", "Tools"],
            swiftSettings: swiftSettings),
        .target(
            name: "TestSupport",
            dependencies: ["Postgres", "EventStore", "Planner"],
            path: "Tests/TestSupport",
            swiftSettings: swiftSettings
        ),
        .target(
            name: "ShellHarness",
            dependencies: ["Shell", "PlannerStore", "Planner", "Postgres"],
            path: "Tests/ShellHarness",
            swiftSettings: swiftSettings
        ),
    ]
)
