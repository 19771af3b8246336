package io.ringlab.protocol;

import java.util.Locale;

/**
 * Makes a string that came from the network (a header, a round id, a peer's name, a request body) safe to put in
 * a log line. Such a string may hold a line break that forges a second log line, a terminal escape sequence, or
 * characters that render as something else (a right-to-left override); and it may be as long as a datagram. The
 * escaped text is printable and one line, shows every odd character as an escape that says what it was, and is
 * cut to a bounded length.
 */
public final class LogText {

    /** Characters of escaped text kept before the cut, so a log line stays a line. */
    public static final int MAX_LENGTH = 120;

    private LogText() {}

    /**
     * The text with {@code \} doubled, CR, LF and tab as {@code \r}, {@code \n}, {@code \t}, any other control
     * character (U+0000 to U+001F, U+007F to U+009F) as {@code \xNN}, and any other character that does not print
     * as itself (formats such as bidirectional overrides and zero-width spaces, separators other than the plain
     * space, private use, unassigned code points, lone surrogates) as <code>&#92;u{NNNN}</code>. Past
     * {@link #MAX_LENGTH} characters of escaped text it is cut, never inside an escape, and {@code ...(+N chars)}
     * says how many characters of the input were left out.
     *
     * @return the escaped text; {@code null} as {@code "null"}
     */
    public static String escape(CharSequence text) {
        if (text == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder(Math.min(text.length(), MAX_LENGTH) + 16);
        int i = 0;
        while (i < text.length()) {
            int codePoint = Character.codePointAt(text, i);
            String escaped = escaped(codePoint);
            int length = escaped == null ? Character.charCount(codePoint) : escaped.length();
            if (out.length() + length > MAX_LENGTH) {
                break;
            }
            if (escaped == null) {
                out.appendCodePoint(codePoint);
            } else {
                out.append(escaped);
            }
            i += Character.charCount(codePoint);
        }
        if (i < text.length()) {
            out.append("...(+").append(text.length() - i).append(" chars)");
        }
        return out.toString();
    }

    /** The escape of a character that does not print as itself, or {@code null} for one that does. */
    private static String escaped(int codePoint) {
        String named = switch (codePoint) {
            case '\\' -> "\\\\";
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            case '\t' -> "\\t";
            default -> null;
        };
        if (named != null) {
            return named;
        }
        if (codePoint >= 0x20 && codePoint < 0x7f) {
            return null;
        }
        if (codePoint < 0xa0) {
            return String.format(Locale.ROOT, "\\x%02X", codePoint);
        }
        return printable(codePoint) ? null : String.format(Locale.ROOT, "\\u{%X}", codePoint);
    }

    private static boolean printable(int codePoint) {
        return switch (Character.getType(codePoint)) {
            case Character.CONTROL,
                    Character.FORMAT,
                    Character.SURROGATE,
                    Character.PRIVATE_USE,
                    Character.UNASSIGNED,
                    Character.LINE_SEPARATOR,
                    Character.PARAGRAPH_SEPARATOR,
                    Character.SPACE_SEPARATOR -> false;
            default -> true;
        };
    }
}
