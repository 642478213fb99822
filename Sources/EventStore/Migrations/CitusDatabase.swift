import Postgres

/// A database made on every node of a Citus cluster and joined into one, as
/// Runbooks/scaling-out.md does by hand: Citus propagates no `CREATE DATABASE`, so each node gets
/// its own copy with the extension, and the coordinator's copy adds the workers. The nodes reach
/// each other as each reports itself (`unix_socket_directories` and `port`), which is how the
/// local clusters of the tests and the benchmark are reached (scripts/citus.sh).
public enum CitusDatabase {
    /// Creates database `name` on the coordinator and every worker (servers given by conninfo
    /// without a database) and joins the workers to the coordinator's copy.
    public static func create(_ name: String, coordinator: String, workers: [String]) throws {
        for server in [coordinator] + workers {
            try Connection(conninfo: server + " dbname=postgres")
                .execute(script: "CREATE DATABASE " + Connection.quoteIdentifier(name))
            try Connection(conninfo: server + " dbname=" + name).execute(script: "CREATE EXTENSION citus")
        }
        let hub = try Connection(conninfo: coordinator + " dbname=" + name)
        for (index, server) in ([coordinator] + workers).enumerated() {
            let node = try Connection(conninfo: server + " dbname=" + name)
            let row = try node.query(
                "SELECT current_setting('unix_socket_directories') AS host, current_setting('port')::integer AS port"
            ).first
            let host: String = try row?.decode("host") ?? ""
            let port: Int = try row?.decode("port") ?? 0
            try hub.query(
                index == 0
                    ? "SELECT citus_set_coordinator_host(\(host), \(port))" : "SELECT citus_add_node(\(host), \(port))")
        }
    }

    /// Drops database `name` on the coordinator and every worker.
    public static func drop(_ name: String, coordinator: String, workers: [String]) {
        for server in [coordinator] + workers {
            try? Connection(conninfo: server + " dbname=postgres").execute(
                script: "DROP DATABASE IF EXISTS " + Connection.quoteIdentifier(name) + " WITH (FORCE)")
        }
    }
}
