internal import CYaml

/// One libyaml parsing event, copied out of C (the C event is freed before this is returned).
struct YAMLEvent {
    enum Kind: Equatable {
        case streamStart, streamEnd, documentStart, documentEnd
        case scalar(String, plain: Bool)
        case alias(String)
        case sequenceStart(flow: Bool)
        case sequenceEnd
        case mappingStart(flow: Bool)
        case mappingEnd
    }

    var kind: Kind
    /// `&name` on a scalar or collection.
    var anchor: String?
    /// Where the event starts and ends: 1-based line, 1-based column in characters.
    var start: YAMLMark
    var end: YAMLMark
}

/// A place in YAML text, as libyaml counts it (characters, not bytes), 1-based.
struct YAMLMark: Equatable {
    var line: Int
    var column: Int
}

/// libyaml's description of why the text is not YAML.
struct YAMLSyntaxError: Error {
    enum Stage { case reader, scanner, parser, other }
    var stage: Stage
    var problem: String
    /// The construct being read when it failed (`while parsing a block mapping`) and where it began.
    var context: String?
    var contextMark: YAMLMark?
    var mark: YAMLMark
    /// For reader errors (bad UTF-8, control characters): the byte offset.
    var byteOffset: Int?
}

/// Pulls events from libyaml (the copy Yams builds, `CYaml`) over UTF-8 text. It owns the
/// `yaml_parser_t` and the input buffer libyaml reads from; nothing C escapes. libyaml parses with
/// explicit stacks, not recursion, so hostile nesting costs memory in proportion to the input only.
final class YAMLEventParser {
    private var parser = yaml_parser_t()
    private let buffer: UnsafeMutableBufferPointer<UInt8>

    /// Reads `bytes` (UTF-8 without a byte order mark).
    init(_ bytes: [UInt8]) {
        // libyaml keeps a pointer to the input for the parser's lifetime: give it memory we own.
        buffer = .allocate(capacity: max(bytes.count, 1))
        _ = buffer.initialize(from: bytes)
        yaml_parser_initialize(&parser)
        yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
        yaml_parser_set_input_string(&parser, buffer.baseAddress, bytes.count)
    }

    deinit {
        yaml_parser_delete(&parser)
        buffer.deallocate()
    }

    /// The next event.
    /// - Throws: `YAMLSyntaxError` at the first place the text stops being YAML.
    func next() throws(YAMLSyntaxError) -> YAMLEvent {
        var event = yaml_event_t()
        guard yaml_parser_parse(&parser, &event) == 1 else { throw error() }
        defer { yaml_event_delete(&event) }
        let start = Self.mark(event.start_mark)
        let end = Self.mark(event.end_mark)
        switch event.type {
        case YAML_STREAM_START_EVENT: return YAMLEvent(kind: .streamStart, start: start, end: end)
        case YAML_STREAM_END_EVENT: return YAMLEvent(kind: .streamEnd, start: start, end: end)
        case YAML_DOCUMENT_START_EVENT: return YAMLEvent(kind: .documentStart, start: start, end: end)
        case YAML_DOCUMENT_END_EVENT: return YAMLEvent(kind: .documentEnd, start: start, end: end)
        case YAML_ALIAS_EVENT:
            return YAMLEvent(kind: .alias(Self.string(event.data.alias.anchor) ?? ""), start: start, end: end)
        case YAML_SCALAR_EVENT:
            let s = event.data.scalar
            let text = String(decoding: UnsafeBufferPointer(start: s.value, count: s.length), as: UTF8.self)
            return YAMLEvent(kind: .scalar(text, plain: s.style == YAML_PLAIN_SCALAR_STYLE), anchor: Self.string(s.anchor), start: start, end: end)
        case YAML_SEQUENCE_START_EVENT:
            let s = event.data.sequence_start
            return YAMLEvent(kind: .sequenceStart(flow: s.style == YAML_FLOW_SEQUENCE_STYLE), anchor: Self.string(s.anchor), start: start, end: end)
        case YAML_SEQUENCE_END_EVENT: return YAMLEvent(kind: .sequenceEnd, start: start, end: end)
        case YAML_MAPPING_START_EVENT:
            let m = event.data.mapping_start
            return YAMLEvent(kind: .mappingStart(flow: m.style == YAML_FLOW_MAPPING_STYLE), anchor: Self.string(m.anchor), start: start, end: end)
        case YAML_MAPPING_END_EVENT: return YAMLEvent(kind: .mappingEnd, start: start, end: end)
        default:
            throw YAMLSyntaxError(stage: .other, problem: "unknown event", mark: start)
        }
    }

    /// Whether the next event starts a value (a scalar, a list or a map; not an alias), or nil
    /// at the end of the stream; nothing is copied out of C. For counting values before any is built.
    /// - Throws: `YAMLSyntaxError`, as `next()`.
    func nextStartsValue() throws(YAMLSyntaxError) -> Bool? {
        var event = yaml_event_t()
        guard yaml_parser_parse(&parser, &event) == 1 else { throw error() }
        defer { yaml_event_delete(&event) }
        switch event.type {
        case YAML_STREAM_END_EVENT: return nil
        case YAML_SCALAR_EVENT, YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT: return true
        default: return false
        }
    }

    /// The parser's error state, read once here.
    private func error() -> YAMLSyntaxError {
        let problem = parser.problem.map { String(cString: $0) } ?? "unknown error"
        let context = parser.context.map { String(cString: $0) }
        switch parser.error {
        case YAML_READER_ERROR:
            return YAMLSyntaxError(stage: .reader, problem: problem, mark: Self.mark(parser.problem_mark), byteOffset: parser.problem_offset)
        case YAML_SCANNER_ERROR, YAML_PARSER_ERROR:
            return YAMLSyntaxError(
                stage: parser.error == YAML_SCANNER_ERROR ? .scanner : .parser, problem: problem,
                context: context, contextMark: context == nil ? nil : Self.mark(parser.context_mark), mark: Self.mark(parser.problem_mark))
        default:
            return YAMLSyntaxError(stage: .other, problem: problem, mark: Self.mark(parser.problem_mark))
        }
    }

    private static func mark(_ m: yaml_mark_t) -> YAMLMark { YAMLMark(line: m.line + 1, column: m.column + 1) }

    private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        pointer.map { String(cString: $0) }
    }
}
