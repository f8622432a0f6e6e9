package dev.wsjs.websocket;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parser of {@code Sec-WebSocket-Extensions} values (RFC 6455 section 9.1):
 * {@code extension-list = 1#( token *( ";" token [ "=" ( token | quoted-string ) ] ) )}.
 */
public final class ExtensionHeader {

    /**
     * One extension with its parameters in order; a parameter without value maps to null.
     */
    public record Extension(String name, Map<String, String> params) {
        public Extension {
            params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
        }
    }

    /** Thrown for text that is not an extension list. */
    public static final class MalformedException extends Exception {
        MalformedException(String message) {
            super(message);
        }
    }

    private final String text;
    private int pos;

    private ExtensionHeader(String text) {
        this.text = text;
    }

    /**
     * Parses all values of the header (repeated headers are one comma-separated list). Names are
     * lower-cased: extension and parameter names are case-insensitive tokens.
     */
    public static List<Extension> parse(List<String> headerValues) throws MalformedException {
        List<Extension> result = new ArrayList<>();
        for (String value : headerValues) {
            new ExtensionHeader(value).parseList(result);
        }
        return result;
    }

    private void parseList(List<Extension> out) throws MalformedException {
        while (true) {
            skipSpace();
            if (pos == text.length()) {
                return;
            }
            if (text.charAt(pos) == ',') {   // empty list elements are allowed by the # rule
                pos++;
                continue;
            }
            String name = token("extension name");
            Map<String, String> params = new LinkedHashMap<>();
            skipSpace();
            while (pos < text.length() && text.charAt(pos) == ';') {
                pos++;
                skipSpace();
                String param = token("parameter name");
                skipSpace();
                String value = null;
                if (pos < text.length() && text.charAt(pos) == '=') {
                    pos++;
                    skipSpace();
                    value = pos < text.length() && text.charAt(pos) == '"' ? quoted() : token("parameter value");
                    skipSpace();
                }
                if (params.containsKey(param)) {
                    throw new MalformedException("parameter " + param + " repeated in " + name);
                }
                params.put(param, value);
            }
            out.add(new Extension(name, params));
            if (pos < text.length()) {
                if (text.charAt(pos) != ',') {
                    throw new MalformedException("unexpected '" + text.charAt(pos) + "' at " + pos + " in: " + text);
                }
                pos++;
            }
        }
    }

    private String token(String what) throws MalformedException {
        int start = pos;
        while (pos < text.length() && isTokenChar(text.charAt(pos))) {
            pos++;
        }
        if (start == pos) {
            throw new MalformedException("missing " + what + " at " + pos + " in: " + text);
        }
        return text.substring(start, pos).toLowerCase(java.util.Locale.ROOT);
    }

    private String quoted() throws MalformedException {
        StringBuilder sb = new StringBuilder();
        pos++; // opening quote
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == '"') {
                // RFC 6455 section 9.1: a quoted value must still conform to the token rule.
                String value = sb.toString();
                if (value.isEmpty() || !value.chars().allMatch(ch -> isTokenChar((char) ch))) {
                    throw new MalformedException("quoted value is not a token: \"" + value + "\"");
                }
                return value.toLowerCase(java.util.Locale.ROOT);
            }
            if (c == '\\') {
                if (pos == text.length()) {
                    break;
                }
                c = text.charAt(pos++);
            }
            sb.append(c);
        }
        throw new MalformedException("unterminated quoted string in: " + text);
    }

    private void skipSpace() {
        while (pos < text.length() && (text.charAt(pos) == ' ' || text.charAt(pos) == '\t')) {
            pos++;
        }
    }

    /** RFC 7230 tchar. */
    static boolean isTokenChar(char c) {
        if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
            return true;
        }
        return "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
    }
}
