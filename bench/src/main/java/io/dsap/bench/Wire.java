package io.dsap.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * The line protocol between {@link ForkedSession} (parent) and {@link Worker} (child JVM).
 * Parent to child: {@code RUN<TAB>sql}, {@code MEM}, {@code QUIT}. Child to parent, every line
 * prefixed with {@link #PREFIX} so stray library output cannot be mistaken for a reply:
 * {@code READY<TAB>connectNanos} or {@code FAIL<TAB>msg} once; per RUN, {@code RESULT<TAB>nanos<TAB>cpuNanos},
 * {@code COLS<TAB>...}, one {@code ROW<TAB>...} per row, {@code END}; or {@code ERROR<TAB>msg};
 * per MEM, {@code MEM<TAB>peakRssKb<TAB>rssKb<TAB>heapUsed<TAB>heapPeak}.
 * Fields are escaped: backslash, tab, CR and LF as {@code \\ \t \r \n}.
 */
final class Wire {

    static final String PREFIX = "@@dsap-bench@@";

    private Wire() {
    }

    static String line(String tag, List<String> fields) {
        StringBuilder sb = new StringBuilder(PREFIX).append(tag);
        for (String f : fields) {
            sb.append('\t').append(escape(f));
        }
        return sb.toString();
    }

    static String line(String tag, String... fields) {
        return line(tag, List.of(fields));
    }

    /** The tag and fields of a protocol line, or null for any other line. */
    static List<String> parse(String line) {
        if (!line.startsWith(PREFIX)) {
            return null;
        }
        List<String> out = new ArrayList<>();
        for (String part : line.substring(PREFIX.length()).split("\t", -1)) {
            out.add(unescape(part));
        }
        return out;
    }

    static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case '\t' -> sb.append("\\t");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    static String unescape(String s) {
        if (s.indexOf('\\') < 0) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                sb.append(switch (n) {
                    case 't' -> '\t';
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    default -> n;
                });
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
