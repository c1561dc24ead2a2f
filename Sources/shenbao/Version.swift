/// The version `shenbao --version` prints.
enum ShenbaoVersion {
    static let current = "0.9.0"
}
